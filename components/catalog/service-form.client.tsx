'use client';

import { useRouter } from 'next/navigation';
import { FormAlert } from '@/components/forms/form-alert';
import { useActionForm } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { Textarea } from '@/components/ui/textarea';
import type { ActionResult } from '@/lib/core/action';
import { CURRENCY_CODES, formatMajor, MoneyError, parseMajor } from '@/lib/core/money';
import { createServiceAction, updateServiceAction } from '@/lib/catalog/actions';

export interface ServiceFormValues {
  id?: string;
  title: string;
  description: string;
  categorySlug: string;
  priceMinor: number;
  currency: string;
  taxInclusive: boolean;
  durationMinutes: number;
  crewSize: number;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  minNoticeMinutes: number;
  requiresConfirmation: boolean;
  confirmationWindowMinutes: number;
}

export const blankService: ServiceFormValues = {
  title: '',
  description: '',
  categorySlug: '',
  priceMinor: 0,
  currency: 'GBP',
  taxInclusive: true,
  durationMinutes: 60,
  crewSize: 1,
  bufferBeforeMinutes: 0,
  bufferAfterMinutes: 15,
  minNoticeMinutes: 120,
  requiresConfirmation: false,
  confirmationWindowMinutes: 240,
};

/**
 * People type the price in major units (12.50); the form converts it exactly to minor units with
 * the currency's exponent before calling the action, so a float never touches the amount.
 */
function withMinorPrice<T>(action: (raw: Record<string, unknown>) => Promise<ActionResult<T>>) {
  return async (fd: FormData): Promise<ActionResult<T>> => {
    const raw: Record<string, unknown> = {};
    for (const [k, v] of fd.entries()) if (!k.startsWith('$ACTION')) raw[k] = v;
    const price = String(raw.price ?? '').trim();
    const currency = String(raw.currency ?? '').trim().toUpperCase();
    delete raw.price;
    try {
      const minor = parseMajor(price, currency);
      if (minor > BigInt(Number.MAX_SAFE_INTEGER)) throw new MoneyError('UNSAFE_INTEGER', 'too large');
      raw.priceMinor = Number(minor);
    } catch (err) {
      const reason = err instanceof MoneyError && err.code === 'TOO_MANY_DECIMALS' ? `has too many decimal places for ${currency}` : 'must be an amount such as 45.00';
      return { ok: false, error: { code: 'VALIDATION', message: `Please check: price ${reason}.`, fieldErrors: { price: [reason] } } };
    }
    return action(raw);
  };
}

/** `idempotencyKey` comes from the server page: a double submit or retry returns the first service. */
export function ServiceForm({ initial, categories, idempotencyKey }: { initial: ServiceFormValues; categories: Array<{ slug: string; name: string }>; idempotencyKey?: string }) {
  const router = useRouter();
  const editing = !!initial.id;
  const f = useActionForm(withMinorPrice(editing ? updateServiceAction : createServiceAction), {
    successMessage: editing ? 'Service saved' : 'Service created',
    onSuccess: (data) => {
      router.push(`/provider/services/${data.id}`);
      router.refresh();
    },
  });
  // After a failed submit React resets the form: show what was typed, not the original values.
  const v = (name: keyof ServiceFormValues | 'price', fallback: string) => f.values[name] ?? fallback;
  const err = (name: string) => f.fieldError(name) ?? (name === 'price' ? f.fieldError('priceMinor') : undefined);

  return (
    <form action={f.formAction} className="grid max-w-2xl gap-4" noValidate key={JSON.stringify(f.values)}>
      <FormAlert message={f.error?.message} errorRef={f.errorRef} />
      {editing ? <input type="hidden" name="serviceId" value={initial.id} /> : <input type="hidden" name="idempotencyKey" value={idempotencyKey ?? ''} />}
      <FormField label="Title" name="title" required error={err('title')} description="3 to 120 characters, as customers will see it.">
        <Input defaultValue={v('title', initial.title)} maxLength={120} />
      </FormField>
      <FormField label="Category" name="categorySlug" required error={err('categorySlug')}>
        <Select defaultValue={v('categorySlug', initial.categorySlug)} placeholder="Choose a category">
          {categories.map((c) => (
            <option key={c.slug} value={c.slug}>
              {c.name}
            </option>
          ))}
        </Select>
      </FormField>
      <FormField label="Description" name="description" error={err('description')}>
        <Textarea defaultValue={v('description', initial.description)} maxLength={2000} rows={3} />
      </FormField>
      <div className="grid gap-4 sm:grid-cols-3">
        <FormField label="Price" name="price" required error={err('price')} description="In the currency’s main unit, e.g. 45.00.">
          <Input inputMode="decimal" defaultValue={v('price', formatMajor(BigInt(initial.priceMinor), initial.currency))} autoComplete="off" />
        </FormField>
        <FormField label="Currency" name="currency" required error={err('currency')}>
          <Select defaultValue={v('currency', initial.currency)}>
            {CURRENCY_CODES.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField label="Price includes tax" name="taxInclusive" error={err('taxInclusive')}>
          <Select defaultValue={v('taxInclusive', String(initial.taxInclusive))}>
            <option value="true">Yes (tax included)</option>
            <option value="false">No (tax added)</option>
          </Select>
        </FormField>
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField label="Duration (minutes)" name="durationMinutes" required error={err('durationMinutes')} description="5 to 1,440.">
          <Input type="number" inputMode="numeric" min={5} max={1440} step={5} defaultValue={v('durationMinutes', String(initial.durationMinutes))} />
        </FormField>
        <FormField label="Crew size" name="crewSize" required error={err('crewSize')} description="People on the job, 1 to 20 (one leads).">
          <Input type="number" inputMode="numeric" min={1} max={20} defaultValue={v('crewSize', String(initial.crewSize))} />
        </FormField>
        <FormField label="Buffer before (minutes)" name="bufferBeforeMinutes" error={err('bufferBeforeMinutes')} description="Travel or set-up time, 0 to 240.">
          <Input type="number" inputMode="numeric" min={0} max={240} defaultValue={v('bufferBeforeMinutes', String(initial.bufferBeforeMinutes))} />
        </FormField>
        <FormField label="Buffer after (minutes)" name="bufferAfterMinutes" error={err('bufferAfterMinutes')} description="Clear-up time, 0 to 240.">
          <Input type="number" inputMode="numeric" min={0} max={240} defaultValue={v('bufferAfterMinutes', String(initial.bufferAfterMinutes))} />
        </FormField>
        <FormField label="Minimum notice (minutes)" name="minNoticeMinutes" error={err('minNoticeMinutes')} description="How far ahead customers must book, up to 10,080 (a week).">
          <Input type="number" inputMode="numeric" min={0} max={10080} defaultValue={v('minNoticeMinutes', String(initial.minNoticeMinutes))} />
        </FormField>
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField label="You confirm each request" name="requiresConfirmation" error={err('requiresConfirmation')}>
          <Select defaultValue={v('requiresConfirmation', String(initial.requiresConfirmation))}>
            <option value="false">No, bookings are confirmed at once</option>
            <option value="true">Yes, I accept or decline each request</option>
          </Select>
        </FormField>
        <FormField label="Time to confirm (minutes)" name="confirmationWindowMinutes" error={err('confirmationWindowMinutes')} description="15 to 2,880; the request expires after it.">
          <Input type="number" inputMode="numeric" min={15} max={2880} defaultValue={v('confirmationWindowMinutes', String(initial.confirmationWindowMinutes))} />
        </FormField>
      </div>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" loading={f.pending}>
          {editing ? 'Save service' : 'Create service'}
        </Button>
        <Button type="button" variant="secondary" onClick={() => router.push('/provider/services')}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
