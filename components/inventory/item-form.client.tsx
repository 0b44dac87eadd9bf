'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { FormAlert } from '@/components/forms/form-alert';
import { useActionForm } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { Textarea } from '@/components/ui/textarea';
import type { ActionResult } from '@/lib/core/action';
import { CURRENCY_CODES, formatMajor, MoneyError, parseMajor } from '@/lib/core/money';
import { createItemAction, updateItemAction } from '@/lib/inventory/actions';
import { conditionLabels, kindLabels, modeLabels, trackingLabels } from './labels';

export interface ItemFormValues {
  id?: string;
  version?: number;
  sku: string;
  name: string;
  description: string;
  kind: keyof typeof kindLabels;
  mode: keyof typeof modeLabels;
  tracking: keyof typeof trackingLabels;
  safetyStock: number;
  dailyRateMinor: number | null;
  depositMinor: number;
  salePriceMinor: number | null;
  replacementCostMinor: number;
  currency: string;
  insuranceRequired: boolean;
  condition: keyof typeof conditionLabels;
  location: string;
}

export const blankItem: ItemFormValues = {
  sku: '',
  name: '',
  description: '',
  kind: 'tool',
  mode: 'rental',
  tracking: 'bulk',
  safetyStock: 0,
  dailyRateMinor: null,
  depositMinor: 0,
  salePriceMinor: null,
  replacementCostMinor: 0,
  currency: 'GBP',
  insuranceRequired: false,
  condition: 'good',
  location: '',
};

/** Form field (major units, as people type) → the verb's minor-unit field. */
const MONEY = { dailyRate: 'dailyRateMinor', deposit: 'depositMinor', salePrice: 'salePriceMinor', replacementCost: 'replacementCostMinor' } as const;

/**
 * Prices are typed in major units (18.00) and converted exactly to minor units with the
 * currency's exponent before the action runs, so a float never touches an amount.
 */
function withMinorPrices<T>(action: (raw: Record<string, unknown>) => Promise<ActionResult<T>>, editing: boolean) {
  return async (fd: FormData): Promise<ActionResult<T>> => {
    const raw: Record<string, unknown> = {};
    for (const [k, v] of fd.entries()) if (!k.startsWith('$ACTION')) raw[k] = v;
    const currency = String(raw.currency ?? '').trim().toUpperCase();
    const fieldErrors: Record<string, string[]> = {};
    for (const [field, target] of Object.entries(MONEY)) {
      const text = String(raw[field] ?? '').trim();
      delete raw[field];
      if (text === '') {
        // Cleared on edit: the rate no longer applies (the server insists where the mode needs it).
        if (editing && (target === 'dailyRateMinor' || target === 'salePriceMinor')) raw[target] = null;
        continue;
      }
      try {
        const minor = parseMajor(text, currency);
        if (minor > BigInt(Number.MAX_SAFE_INTEGER)) throw new MoneyError('UNSAFE_INTEGER', 'too large');
        raw[target] = Number(minor);
      } catch (err) {
        fieldErrors[field] = [err instanceof MoneyError && err.code === 'TOO_MANY_DECIMALS' ? `has too many decimal places for ${currency}` : 'must be an amount such as 18.00'];
      }
    }
    if (Object.keys(fieldErrors).length) {
      const summary = Object.entries(fieldErrors)
        .map(([k, v]) => `${k}: ${v[0]}`)
        .join('; ');
      return { ok: false, error: { code: 'VALIDATION', message: `Please check: ${summary}.`, fieldErrors } };
    }
    return action(raw);
  };
}

const major = (v: number | null, currency: string) => (v === null ? '' : formatMajor(BigInt(v), currency));

export function ItemForm({ initial, idempotencyKey }: { initial: ItemFormValues; idempotencyKey?: string }) {
  const router = useRouter();
  const editing = !!initial.id;
  const [mode, setMode] = useState(initial.mode);
  const [tracking, setTracking] = useState(initial.tracking);
  const f = useActionForm(withMinorPrices(editing ? updateItemAction : createItemAction, editing), {
    successMessage: editing ? 'Item saved' : 'Item created',
    onSuccess: (data) => {
      if (!editing) router.push(`/provider/inventory/${data.id}`);
      router.refresh();
    },
  });
  const v = (name: string, fallback: string) => f.values[name] ?? fallback;
  const err = (name: string) => f.fieldError(name) ?? (name in MONEY ? f.fieldError(MONEY[name as keyof typeof MONEY]) : undefined);

  return (
    <form action={f.formAction} className="grid max-w-3xl gap-4" noValidate key={JSON.stringify(f.values)}>
      <FormAlert message={f.error?.message} errorRef={f.errorRef} />
      {editing ? (
        <>
          <input type="hidden" name="itemId" value={initial.id} />
          <input type="hidden" name="version" value={initial.version} />
        </>
      ) : (
        <input type="hidden" name="idempotencyKey" value={idempotencyKey ?? ''} />
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField label="SKU" name="sku" required error={err('sku')} description="Your stock code, unique in your inventory (letters, digits, . _ -).">
          <Input defaultValue={v('sku', initial.sku)} maxLength={40} autoComplete="off" className="font-mono" />
        </FormField>
        <FormField label="Name" name="name" required error={err('name')}>
          <Input defaultValue={v('name', initial.name)} maxLength={120} />
        </FormField>
      </div>
      <FormField label="Description" name="description" error={err('description')}>
        <Textarea defaultValue={v('description', initial.description)} maxLength={2000} rows={2} />
      </FormField>
      <div className="grid gap-4 sm:grid-cols-3">
        <FormField label="Kind" name="kind" required error={err('kind')}>
          <Select defaultValue={v('kind', initial.kind)}>
            {Object.entries(kindLabels).map(([k, l]) => (
              <option key={k} value={k}>
                {l}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField label="Mode" name="mode" required error={err('mode')} description="Rent needs a daily rate, sale a sale price.">
          <Select defaultValue={v('mode', initial.mode)} onChange={(e) => setMode(e.target.value as ItemFormValues['mode'])}>
            {Object.entries(modeLabels).map(([k, l]) => (
              <option key={k} value={k}>
                {l}
              </option>
            ))}
          </Select>
        </FormField>
        {editing ? (
          <div className="grid gap-1 text-sm">
            <span className="font-medium">Tracking</span>
            <span className="text-muted">{trackingLabels[initial.tracking]} (fixed once created)</span>
          </div>
        ) : (
          <FormField label="Tracking" name="tracking" required error={err('tracking')} description="Serialised: each unit has its own serial number.">
            <Select defaultValue={v('tracking', initial.tracking)} onChange={(e) => setTracking(e.target.value as ItemFormValues['tracking'])}>
              {Object.entries(trackingLabels).map(([k, l]) => (
                <option key={k} value={k}>
                  {l}
                </option>
              ))}
            </Select>
          </FormField>
        )}
      </div>
      {editing ? null : (
        <div className="grid gap-4 sm:grid-cols-2">
          <FormField label="Opening quantity" name="openingQuantity" error={err('openingQuantity')} description="Recorded as a ‘receive’ move.">
            <Input type="number" inputMode="numeric" min={0} defaultValue={v('openingQuantity', '0')} />
          </FormField>
          {tracking === 'serialised' ? (
            <FormField label="Serial numbers" name="serials" error={err('serials')} description="One per line or comma-separated; left empty, units are numbered SKU-001, SKU-002…">
              <Textarea defaultValue={v('serials', '')} rows={3} />
            </FormField>
          ) : null}
        </div>
      )}
      <fieldset className="grid gap-4 rounded-lg border p-4">
        <legend className="px-1 text-sm font-semibold">Prices</legend>
        <div className="grid gap-4 sm:grid-cols-3">
          <FormField label="Currency" name="currency" required error={err('currency')}>
            <Select defaultValue={v('currency', initial.currency)}>
              {CURRENCY_CODES.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </Select>
          </FormField>
          {mode !== 'purchase' ? (
            <FormField label="Daily rate" name="dailyRate" required error={err('dailyRate')} description="Per unit per day, e.g. 18.00.">
              <Input inputMode="decimal" defaultValue={v('dailyRate', major(initial.dailyRateMinor, initial.currency))} autoComplete="off" />
            </FormField>
          ) : null}
          {mode !== 'purchase' ? (
            <FormField label="Deposit" name="deposit" error={err('deposit')} description="Held per unit at checkout.">
              <Input inputMode="decimal" defaultValue={v('deposit', major(initial.depositMinor, initial.currency))} autoComplete="off" />
            </FormField>
          ) : null}
          {mode !== 'rental' ? (
            <FormField label="Sale price" name="salePrice" required error={err('salePrice')}>
              <Input inputMode="decimal" defaultValue={v('salePrice', major(initial.salePriceMinor, initial.currency))} autoComplete="off" />
            </FormField>
          ) : null}
          <FormField label="Replacement cost" name="replacementCost" error={err('replacementCost')} description="What a lost unit costs you.">
            <Input inputMode="decimal" defaultValue={v('replacementCost', major(initial.replacementCostMinor, initial.currency))} autoComplete="off" />
          </FormField>
        </div>
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-3">
        <FormField label="Safety stock" name="safetyStock" error={err('safetyStock')} description="Alert when available falls below this (0 = never).">
          <Input type="number" inputMode="numeric" min={0} defaultValue={v('safetyStock', String(initial.safetyStock))} />
        </FormField>
        <FormField label="Condition" name="condition" error={err('condition')}>
          <Select defaultValue={v('condition', initial.condition)}>
            {Object.entries(conditionLabels).map(([k, l]) => (
              <option key={k} value={k}>
                {l}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField label="Location" name="location" error={err('location')} description="Where it is kept, e.g. Van shelf A.">
          <Input defaultValue={v('location', initial.location)} maxLength={120} />
        </FormField>
      </div>
      <FormField label="Renters must be insured" name="insuranceRequired" error={err('insuranceRequired')}>
        <Select defaultValue={v('insuranceRequired', String(initial.insuranceRequired))}>
          <option value="false">No</option>
          <option value="true">Yes (approved identity and insurance needed to rent)</option>
        </Select>
      </FormField>
      <div>
        <Button type="submit" disabled={f.pending}>
          {f.pending ? 'Saving…' : editing ? 'Save changes' : 'Create item'}
        </Button>
      </div>
    </form>
  );
}
