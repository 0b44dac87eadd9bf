'use client';

import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { FormError, FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { Textarea } from '@/components/ui/textarea';
import { callApi } from './api';

const pad = (n: number) => String(n).padStart(2, '0');
const localValue = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;

/** Renter actions on a rental: cancel before checkout, extend while out, open a dispute from checkout on. */
export function CustomerActions({ rentalId, status, endsAt, side }: { rentalId: string; status: string; endsAt: string; side: 'customer' | 'provider' }) {
  const router = useRouter();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [newEnd, setNewEnd] = useState(localValue(new Date(new Date(endsAt).getTime() + 86_400_000)));
  const [reason, setReason] = useState('');
  const [reasonCode, setReasonCode] = useState('damage');
  const cancellable = ['requested', 'approved', 'pickup_scheduled'].includes(status);
  const extendable = ['requested', 'approved', 'pickup_scheduled', 'in_use', 'partially_returned'].includes(status);
  const disputable = ['in_use', 'partially_returned', 'inspection_pending'].includes(status);

  async function run(name: string, url: string, body: Record<string, unknown>, then?: (data: Record<string, unknown>) => void) {
    setBusy(name);
    setError(null);
    setFieldErrors({});
    const r = await callApi<Record<string, unknown>>(url, body);
    setBusy(null);
    if (!r.ok) {
      setError(r.message);
      setFieldErrors(r.fieldErrors);
      return;
    }
    then?.(r.data);
    router.refresh();
  }

  if (!cancellable && !extendable && !disputable) return null;
  return (
    <Card>
      <CardHeader>
        <CardTitle>Actions</CardTitle>
      </CardHeader>
      <CardContent className="grid gap-4">
        {error ? <FormError message={error} /> : null}
        {extendable ? (
          <form
            className="grid gap-2 sm:grid-cols-[minmax(0,1fr)_auto] sm:items-end"
            onSubmit={(e) => {
              e.preventDefault();
              void run('extend', `/api/v1/rentals/${rentalId}/extend`, { endsAt: new Date(newEnd).toISOString() });
            }}
          >
            <FormField label="Extend until" name="endsAt" error={fieldErrors.endsAt} description="Only if the item is free; extra days are settled with any charges.">
              <Input type="datetime-local" value={newEnd} onChange={(e) => setNewEnd(e.target.value)} />
            </FormField>
            <Button type="submit" variant="secondary" disabled={!!busy}>
              {busy === 'extend' ? 'Extending…' : 'Extend'}
            </Button>
          </form>
        ) : null}
        {cancellable ? (
          <Button type="button" variant="danger" disabled={!!busy} onClick={() => void run('cancel', `/api/v1/rentals/${rentalId}/cancel`, { reason: `Cancelled by the ${side === 'customer' ? 'renter' : 'provider'}` })}>
            {busy === 'cancel' ? 'Cancelling…' : 'Cancel rental (free)'}
          </Button>
        ) : null}
        {disputable ? (
          <details className="rounded-md border border-border p-3">
            <summary className="cursor-pointer text-sm font-medium">Open a dispute</summary>
            <form
              className="mt-3 grid gap-3"
              onSubmit={(e) => {
                e.preventDefault();
                void run('dispute', '/api/v1/disputes', { subjectKind: 'rental', subjectId: rentalId, reasonCode, reason }, (data) => {
                  if (typeof data.disputeId === 'string') router.push(`${side === 'customer' ? '/account' : '/provider'}/disputes/${data.disputeId}`);
                });
              }}
            >
              <FormField label="Reason" name="reasonCode" error={fieldErrors.reasonCode}>
                <Select value={reasonCode} onChange={(e) => setReasonCode(e.target.value)}>
                  <option value="damage">Damage</option>
                  <option value="quality">Quality of the tool</option>
                  <option value="billing">Billing or price</option>
                  <option value="other">Something else</option>
                </Select>
              </FormField>
              <FormField label="What happened (at least 20 characters)" name="reason" required error={fieldErrors.reason}>
                <Textarea value={reason} onChange={(e) => setReason(e.target.value)} rows={3} />
              </FormField>
              <Button type="submit" variant="secondary" disabled={!!busy}>
                {busy === 'dispute' ? 'Opening…' : 'Open dispute'}
              </Button>
            </form>
          </details>
        ) : null}
      </CardContent>
    </Card>
  );
}
