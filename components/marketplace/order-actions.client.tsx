'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { FormError, FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { collectOrderAction, fulfilOrderAction, refundOrderAction } from '@/lib/marketplace/actions';
import type { OrderStatus } from '@/lib/marketplace/policy';

/** The seller's next steps on an order: delivered / collected, or a refund with a reason. */
export function OrderActions({ orderId, reference, status, fulfilment }: { orderId: string; reference: string; status: OrderStatus; fulfilment: 'pickup' | 'delivery' }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [refunding, setRefunding] = useState(false);
  const done = async (p: Promise<{ ok: boolean; error?: { message: string } }>) => {
    try {
      const r = await p;
      if (r.ok) {
        setRefunding(false);
        router.refresh();
      } else setError(r.error?.message ?? 'The change could not be saved.');
    } catch {
      setError('The change could not be saved. Check your connection and try again.');
    }
  };
  if (status === 'refunded') return null;
  return (
    <div className="grid gap-2">
      <div className="flex flex-wrap gap-2">
        {status === 'paid' && fulfilment === 'pickup' ? (
          <Button size="sm" loading={pending} onClick={() => start(() => done(collectOrderAction({ orderId })))}>
            Mark collected<span className="sr-only"> {reference}</span>
          </Button>
        ) : null}
        {status === 'paid' && fulfilment === 'delivery' ? (
          <Button size="sm" loading={pending} onClick={() => start(() => done(fulfilOrderAction({ orderId })))}>
            Mark delivered<span className="sr-only"> {reference}</span>
          </Button>
        ) : null}
        {!refunding ? (
          <Button size="sm" variant="secondary" onClick={() => setRefunding(true)}>
            Refund<span className="sr-only"> {reference}</span>
          </Button>
        ) : null}
      </div>
      {refunding ? (
        <form
          className="grid gap-2 rounded-md border p-3"
          onSubmit={(ev) => {
            ev.preventDefault();
            const fd = new FormData(ev.currentTarget);
            setError(null);
            start(() => done(refundOrderAction({ orderId, reason: String(fd.get('reason') ?? ''), restock: fd.get('restock') === 'on' })));
          }}
        >
          <FormField label="Reason for the refund" name="reason" required>
            <Input minLength={5} maxLength={500} />
          </FormField>
          {status === 'paid' ? (
            <p className="text-sm text-muted">The goods have not left you, so they go back into stock.</p>
          ) : (
            <Checkbox name="restock" label="The goods came back: return them to stock" />
          )}
          <div className="flex gap-2">
            <Button size="sm" variant="danger" type="submit" loading={pending}>
              Refund in full
            </Button>
            <Button size="sm" variant="ghost" type="button" onClick={() => setRefunding(false)}>
              Cancel
            </Button>
          </div>
        </form>
      ) : null}
      {error ? <FormError message={error} /> : null}
    </div>
  );
}
