'use client';

import { useMemo, useState } from 'react';
import { useRouter } from 'next/navigation';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { Checkbox } from '@/components/ui/checkbox';
import { FormError, FormField, type FieldControlProps } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { Textarea } from '@/components/ui/textarea';
import { parseMajor } from '@/lib/core/money';
import { planSettlement, type ChargeLine } from '@/lib/rentals/policy';
import { callApi } from './api';
import { conditionLabels } from './format';
import { SettlementTable } from './rental-view';

const pad = (n: number) => String(n).padStart(2, '0');
const localValue = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;

type Line = { kind: 'damage' | 'cleaning' | 'loss' | 'other'; label: string; amount: string };

export interface ProviderActionsProps {
  rentalId: string;
  status: string;
  currency: string;
  quantity: number;
  returnedQuantity: number;
  depositMinor: number;
  startsAt: string;
  inspected: boolean;
  tracking: 'serialised' | 'bulk';
  outUnits: Array<{ id: string; serial: string }>;
  /** Charges already recorded (e.g. an extension) and the automatic late lines still to come. */
  knownLines: Array<{ kind: string; label: string; amountMinor: number }>;
}

/** FormField hands its control id, name and aria attributes down: they must reach the <select>. */
function ConditionSelect({ value, onChange, ...control }: { value: string; onChange: (v: string) => void } & FieldControlProps) {
  return (
    <Select {...control} value={value} onChange={(e) => onChange(e.target.value)}>
      {Object.entries(conditionLabels).map(([k, v]) => (
        <option key={k} value={k}>
          {v}
        </option>
      ))}
    </Select>
  );
}

function PhotoInput({ label = 'Photos' }: { label?: string }) {
  return (
    <FormField label={label} name="photos" description="Up to 6 images (JPEG, PNG, WebP, 10 MB each). On a phone this opens the camera.">
      <Input type="file" accept="image/jpeg,image/png,image/webp" capture="environment" multiple />
    </FormField>
  );
}

/** The provider desk's actions for one rental, by state. */
export function ProviderActions(p: ProviderActionsProps) {
  const router = useRouter();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [reason, setReason] = useState('');
  const [pickupAt, setPickupAt] = useState(() => localValue(new Date(Math.max(Date.now() + 3_600_000, new Date(p.startsAt).getTime()))));
  const [condition, setCondition] = useState('good');
  const [retQty, setRetQty] = useState(p.quantity - p.returnedQuantity);
  const [units, setUnits] = useState<string[]>([]);
  const [outcome, setOutcome] = useState<'clear' | 'damaged' | 'partial'>('clear');
  const [lines, setLines] = useState<Line[]>([]);

  const base = `/api/v1/rentals/${p.rentalId}`;
  async function run(name: string, path: string, body: Record<string, unknown> | FormData) {
    setBusy(name);
    setError(null);
    setFieldErrors({});
    const r = await callApi<Record<string, unknown>>(`${base}/${path}`, body);
    setBusy(null);
    if (!r.ok) {
      setError(r.message);
      setFieldErrors(r.fieldErrors);
      return false;
    }
    router.refresh();
    return true;
  }

  const parsedLines = useMemo(() => {
    const out: ChargeLine[] = [];
    for (const l of lines) {
      try {
        const v = parseMajor(l.amount || '0', p.currency);
        if (v > 0n) out.push({ kind: l.kind, label: l.label || l.kind, amountMinor: v });
      } catch {
        // Shown as a field error on submit.
      }
    }
    return out;
  }, [lines, p.currency]);
  const preview = useMemo(
    () => planSettlement([...p.knownLines.map((l) => ({ kind: l.kind as ChargeLine['kind'], label: l.label, amountMinor: BigInt(l.amountMinor) })), ...parsedLines], BigInt(p.depositMinor)),
    [p.knownLines, parsedLines, p.depositMinor],
  );

  const formWith = (form: HTMLFormElement, fields: Record<string, string | string[]>) => {
    const fd = new FormData();
    for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) fd.append(k, x);
    const input = form.querySelector<HTMLInputElement>('input[type=file]');
    for (const f of Array.from(input?.files ?? [])) fd.append('photos', f);
    return fd;
  };

  const body = (() => {
    switch (p.status) {
      case 'requested':
        return (
          <div className="grid gap-3">
            <Button type="button" disabled={!!busy} onClick={() => void run('approve', 'approve', {})}>
              {busy === 'approve' ? 'Approving…' : 'Approve'}
            </Button>
            <form
              className="grid gap-2"
              onSubmit={(e) => {
                e.preventDefault();
                void run('reject', 'reject', { reason });
              }}
            >
              <FormField label="Reason to decline" name="reason" error={fieldErrors.reason}>
                <Input value={reason} onChange={(e) => setReason(e.target.value)} />
              </FormField>
              <Button type="submit" variant="danger" disabled={!!busy}>
                {busy === 'reject' ? 'Declining…' : 'Decline'}
              </Button>
            </form>
          </div>
        );
      case 'approved':
        return (
          <form
            className="grid gap-2"
            onSubmit={(e) => {
              e.preventDefault();
              void run('schedule', 'schedule', { pickupAt: new Date(pickupAt).toISOString() });
            }}
          >
            <FormField label="Pickup at" name="pickupAt" required error={fieldErrors.pickupAt}>
              <Input type="datetime-local" value={pickupAt} onChange={(e) => setPickupAt(e.target.value)} />
            </FormField>
            <Button type="submit" disabled={!!busy}>
              {busy === 'schedule' ? 'Scheduling…' : 'Schedule pickup'}
            </Button>
          </form>
        );
      case 'pickup_scheduled':
        return (
          <form
            className="grid gap-3"
            onSubmit={(e) => {
              e.preventDefault();
              const f = e.currentTarget;
              void run('checkout', 'checkout', formWith(f, { condition, note: (f.elements.namedItem('note') as HTMLTextAreaElement).value }));
            }}
          >
            <p className="text-sm text-muted">Hand the tool over: the deposit is held on the renter’s card and the rental charged.</p>
            <FormField label="Condition" name="condition" required error={fieldErrors.condition}>
              <ConditionSelect value={condition} onChange={setCondition} />
            </FormField>
            <FormField label="Note" name="note" error={fieldErrors.note}>
              <Textarea rows={2} />
            </FormField>
            <PhotoInput />
            <Button type="submit" disabled={!!busy}>
              {busy === 'checkout' ? 'Checking out…' : 'Check out'}
            </Button>
          </form>
        );
      case 'in_use':
      case 'partially_returned':
        return (
          <form
            className="grid gap-3"
            onSubmit={(e) => {
              e.preventDefault();
              const f = e.currentTarget;
              const note = (f.elements.namedItem('note') as HTMLTextAreaElement).value;
              void run('return', 'return', formWith(f, p.tracking === 'serialised' ? { unitIds: units.length ? units : p.outUnits.map((u) => u.id), condition, note } : { quantity: String(retQty), condition, note }));
            }}
          >
            <p className="text-sm text-muted">
              Record what came back ({p.quantity - p.returnedQuantity} of {p.quantity} still out).
            </p>
            {p.tracking === 'serialised' && p.outUnits.length ? (
              <fieldset className="grid gap-1">
                <legend className="text-sm font-medium">Units back (none ticked = all)</legend>
                {p.outUnits.map((u) => (
                  <Checkbox key={u.id} label={u.serial} checked={units.includes(u.id)} onChange={(e) => setUnits((s) => (e.target.checked ? [...s, u.id] : s.filter((x) => x !== u.id)))} />
                ))}
              </fieldset>
            ) : (
              <FormField label="Quantity back" name="quantity" required error={fieldErrors.quantity}>
                <Input type="number" min={1} max={p.quantity - p.returnedQuantity} value={retQty} onChange={(e) => setRetQty(Number(e.target.value) || 1)} />
              </FormField>
            )}
            <FormField label="Condition" name="condition" required error={fieldErrors.condition}>
              <ConditionSelect value={condition} onChange={setCondition} />
            </FormField>
            <FormField label="Note" name="note" error={fieldErrors.note}>
              <Textarea rows={2} />
            </FormField>
            <PhotoInput />
            <Button type="submit" disabled={!!busy}>
              {busy === 'return' ? 'Saving…' : 'Record return'}
            </Button>
          </form>
        );
      case 'inspection_pending':
        return p.inspected ? (
          <div className="grid gap-3">
            <SettlementTable settlement={{ currency: p.currency, lines: preview.lines.map((l) => ({ key: l.key, label: l.label, amountMinor: Number(l.amountMinor) })) }} title="Settlement to confirm" />
            <Button type="button" disabled={!!busy} onClick={() => void run('settle', 'settle', {})}>
              {busy === 'settle' ? 'Settling…' : 'Settle'}
            </Button>
          </div>
        ) : (
          <form
            className="grid gap-3"
            onSubmit={(e) => {
              e.preventDefault();
              const f = e.currentTarget;
              const bad = lines.findIndex((l) => {
                try {
                  return parseMajor(l.amount, p.currency) <= 0n || l.label.trim().length < 2;
                } catch {
                  return true;
                }
              });
              if (bad >= 0) {
                setError(`Charge line ${bad + 1}: give a description and an amount above zero.`);
                return;
              }
              const charges = lines.map((l) => ({ kind: l.kind, label: l.label.trim(), amountMinor: parseMajor(l.amount, p.currency).toString() }));
              void run('inspect', 'inspect', formWith(f, { outcome, note: (f.elements.namedItem('note') as HTMLTextAreaElement).value, charges: JSON.stringify(charges) }));
            }}
          >
            <FormField label="Outcome" name="outcome" required error={fieldErrors.outcome}>
              <Select value={outcome} onChange={(e) => setOutcome(e.target.value as typeof outcome)}>
                <option value="clear">Clear</option>
                <option value="damaged">Damaged</option>
                <option value="partial">Partial (missing parts)</option>
              </Select>
            </FormField>
            <FormField label="Note" name="note" error={fieldErrors.note}>
              <Textarea rows={2} />
            </FormField>
            <fieldset className="grid gap-2">
              <legend className="text-sm font-medium">Charges</legend>
              {lines.map((l, i) => (
                <div key={i} className="grid grid-cols-[minmax(0,1fr)] gap-2 rounded-md border border-border p-2 sm:grid-cols-[8rem_minmax(0,1fr)_7rem_auto] sm:items-end">
                  <FormField label="Kind" name={`kind-${i}`}>
                    <Select value={l.kind} onChange={(e) => setLines((s) => s.map((x, j) => (j === i ? { ...x, kind: e.target.value as Line['kind'] } : x)))}>
                      <option value="damage">Damage</option>
                      <option value="cleaning">Cleaning</option>
                      <option value="loss">Loss</option>
                      <option value="other">Other</option>
                    </Select>
                  </FormField>
                  <FormField label="Description" name={`label-${i}`}>
                    <Input value={l.label} onChange={(e) => setLines((s) => s.map((x, j) => (j === i ? { ...x, label: e.target.value } : x)))} />
                  </FormField>
                  <FormField label={`Amount (${p.currency})`} name={`amount-${i}`}>
                    <Input inputMode="decimal" value={l.amount} onChange={(e) => setLines((s) => s.map((x, j) => (j === i ? { ...x, amount: e.target.value } : x)))} />
                  </FormField>
                  <Button type="button" variant="ghost" size="sm" onClick={() => setLines((s) => s.filter((_, j) => j !== i))} aria-label={`Remove charge line ${i + 1}`}>
                    Remove
                  </Button>
                </div>
              ))}
              <Button type="button" variant="secondary" size="sm" onClick={() => setLines((s) => [...s, { kind: 'damage', label: '', amount: '' }])}>
                Add charge line
              </Button>
            </fieldset>
            <PhotoInput />
            <div aria-live="polite">
              <SettlementTable settlement={{ currency: p.currency, lines: preview.lines.map((l) => ({ key: l.key, label: l.label, amountMinor: Number(l.amountMinor) })) }} title="Settlement preview (late lines included)" />
            </div>
            <Button type="submit" disabled={!!busy}>
              {busy === 'inspect' ? 'Saving…' : 'Record inspection'}
            </Button>
          </form>
        );
      default:
        return null;
    }
  })();

  if (!body) return null;
  return (
    <Card>
      <CardHeader>
        <CardTitle>Next step</CardTitle>
      </CardHeader>
      <CardContent className="grid gap-3">
        {error ? <FormError message={error} /> : null}
        {body}
      </CardContent>
    </Card>
  );
}
