'use client';

import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { FormAlert } from '@/components/forms/form-alert';
import { useActionForm } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import type { ActionResult } from '@/lib/core/action';
import { CURRENCY_CODES, formatMajor, MoneyError, parseMajor } from '@/lib/core/money';
import { savePayoutAccountAction } from '@/lib/finance/payout-actions';

export interface PayoutAccountFormValues {
  accountHolder: string;
  country: string;
  currency: string;
  bankIdentifier: string;
  accountLast4: string | null;
  schedule: 'daily' | 'weekly' | 'monthly' | 'manual';
  weeklyDay: number;
  monthlyDay: number;
  minimumPayoutMinor: number;
  version: number | null;
}

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** The minimum is typed in major units (50.00) and converted exactly to minor units here. */
function withMinorMinimum<T>(action: (raw: Record<string, unknown>) => Promise<ActionResult<T>>) {
  return async (fd: FormData): Promise<ActionResult<T>> => {
    const raw: Record<string, unknown> = {};
    for (const [k, v] of fd.entries()) if (!k.startsWith('$ACTION')) raw[k] = v;
    const currency = String(raw.currency ?? '').trim().toUpperCase();
    const text = String(raw.minimumPayout ?? '').trim() || '0';
    delete raw.minimumPayout;
    // Only the fields of the chosen kind of account are sent.
    if (raw.bankKind === 'iban') {
      delete raw.sortCode;
      delete raw.accountNumber;
    } else delete raw.iban;
    delete raw.bankKind;
    try {
      const minor = parseMajor(text, currency);
      if (minor > 100_000_000n) throw new MoneyError('UNSAFE_INTEGER', 'too large');
      raw.minimumPayoutMinor = Number(minor);
    } catch (err) {
      const reason = err instanceof MoneyError && err.code === 'TOO_MANY_DECIMALS' ? `has too many decimal places for ${currency}` : 'must be an amount such as 50.00';
      return { ok: false, error: { code: 'VALIDATION', message: `Please check: minimum payout ${reason}.`, fieldErrors: { minimumPayout: [reason] } } };
    }
    return action(raw);
  };
}

export function PayoutAccountForm({ initial }: { initial: PayoutAccountFormValues }) {
  const router = useRouter();
  const existing = initial.accountLast4 !== null;
  const f = useActionForm(withMinorMinimum(savePayoutAccountAction), {
    successMessage: 'Payout details saved',
    onSuccess: () => router.refresh(),
  });
  const v = (name: string, fallback: string) => f.values[name] ?? fallback;
  const err = (name: string) => f.fieldError(name) ?? (name === 'minimumPayout' ? f.fieldError('minimumPayoutMinor') : undefined);
  const [bankKind, setBankKind] = useState<'gb' | 'iban'>(v('bankKind', initial.country === 'GB' || !existing ? 'gb' : 'iban') as 'gb' | 'iban');
  const [schedule, setSchedule] = useState(v('schedule', initial.schedule));
  const keepHint = existing ? `Leave empty to keep the account ending ${initial.accountLast4}.` : undefined;

  return (
    <form action={f.formAction} className="grid gap-4" noValidate key={JSON.stringify(f.values)} aria-label="Payout details">
      <FormAlert message={f.error?.message} errorRef={f.errorRef} />
      {initial.version ? <input type="hidden" name="expectedVersion" value={initial.version} /> : null}
      <FormField label="Account holder" name="accountHolder" required error={err('accountHolder')} description="The name on the bank account.">
        <Input defaultValue={v('accountHolder', initial.accountHolder)} maxLength={120} autoComplete="off" />
      </FormField>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField label="Bank country" name="country" required error={err('country')} description="Two letters, e.g. GB, IE, DE.">
          <Input defaultValue={v('country', initial.country)} maxLength={2} autoComplete="off" className="uppercase" />
        </FormField>
        <FormField label="Payout currency" name="currency" required error={err('currency')} description="The bank account’s currency.">
          <Select defaultValue={v('currency', initial.currency)}>
            {CURRENCY_CODES.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </Select>
        </FormField>
      </div>
      <fieldset className="grid gap-3">
        <legend className="mb-1 text-sm font-medium">Bank account</legend>
        <div className="flex flex-wrap gap-4 text-sm">
          <label className="flex items-center gap-2">
            <input type="radio" name="bankKind" value="gb" checked={bankKind === 'gb'} onChange={() => setBankKind('gb')} />
            UK account
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="bankKind" value="iban" checked={bankKind === 'iban'} onChange={() => setBankKind('iban')} />
            International account
          </label>
        </div>
        {existing ? (
          <p className="text-sm text-muted" data-testid="payout-account-current">
            Current account: {initial.bankIdentifier} ···· {initial.accountLast4}
          </p>
        ) : null}
        {bankKind === 'gb' ? (
          <div className="grid gap-4 sm:grid-cols-2">
            <FormField label="Sort code" name="sortCode" required={!existing} error={err('sortCode')} description={keepHint ?? '6 digits, e.g. 12-34-56.'}>
              <Input defaultValue={v('sortCode', '')} inputMode="numeric" autoComplete="off" maxLength={8} />
            </FormField>
            <FormField label="Account number" name="accountNumber" required={!existing} error={err('accountNumber')} description="8 digits.">
              <Input defaultValue={v('accountNumber', '')} inputMode="numeric" autoComplete="off" maxLength={10} />
            </FormField>
          </div>
        ) : (
          <FormField label="IBAN" name="iban" required={!existing} error={err('iban')} description={keepHint ?? 'e.g. IE29 AIBK 9311 5212 3456 78.'}>
            <Input defaultValue={v('iban', '')} autoComplete="off" maxLength={42} className="uppercase" />
          </FormField>
        )}
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-3">
        <FormField label="Schedule" name="schedule" required error={err('schedule')} description="Read in your home time zone.">
          <Select value={schedule} onChange={(e) => setSchedule(e.target.value as PayoutAccountFormValues['schedule'])}>
            <option value="daily">Daily</option>
            <option value="weekly">Weekly</option>
            <option value="monthly">Monthly</option>
            <option value="manual">Only when I ask</option>
          </Select>
        </FormField>
        {schedule === 'weekly' ? (
          <FormField label="Payout day" name="weeklyDay" error={err('weeklyDay')} description="Every week on this day.">
            <Select defaultValue={v('weeklyDay', String(initial.weeklyDay))}>
              {WEEKDAYS.map((d, i) => (
                <option key={d} value={i + 1}>
                  {d}
                </option>
              ))}
            </Select>
          </FormField>
        ) : (
          <input type="hidden" name="weeklyDay" value={v('weeklyDay', String(initial.weeklyDay))} />
        )}
        {schedule === 'monthly' ? (
          <FormField label="Day of the month" name="monthlyDay" error={err('monthlyDay')} description="1 to 28.">
            <Input type="number" inputMode="numeric" min={1} max={28} defaultValue={v('monthlyDay', String(initial.monthlyDay))} />
          </FormField>
        ) : (
          <input type="hidden" name="monthlyDay" value={v('monthlyDay', String(initial.monthlyDay))} />
        )}
        <FormField label="Minimum payout" name="minimumPayout" error={err('minimumPayout')} description="Scheduled payouts wait until the balance reaches it.">
          <Input inputMode="decimal" defaultValue={v('minimumPayout', formatMajor(BigInt(initial.minimumPayoutMinor), initial.currency))} autoComplete="off" />
        </FormField>
      </div>
      <div>
        <Button type="submit" loading={f.pending}>
          Save payout details
        </Button>
      </div>
    </form>
  );
}
