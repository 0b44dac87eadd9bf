'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState, useTransition } from 'react';
import { CircleCheck } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { FormError, FormField } from '@/components/ui/form-field';
import { Textarea } from '@/components/ui/textarea';
import { refundOrderAsOperationsAction } from '@/lib/marketplace/actions';
import type { OrderStatus } from '@/lib/marketplace/policy';

// Same bounds as the refund verb's schema, so the form explains a short reason before a round trip.
const REASON_MIN = 5;
const REASON_MAX = 500;

type Outcome = { tone: 'success'; text: string } | { tone: 'error'; text: string } | null;

/**
 * The operations refund: reason → confirm (irreversible) → result. This component stays mounted
 * across router.refresh() (the page renders it for every status and never keys it on the status),
 * so the success or the domain's refusal stays on screen after the page data reloads.
 */
export function RefundForm({ orderId, reference, status, totalLabel, customerName }: { orderId: string; reference: string; status: OrderStatus; totalLabel: string; customerName: string }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [step, setStep] = useState<'reason' | 'confirm'>('reason');
  const [reason, setReason] = useState('');
  const [restock, setRestock] = useState(false);
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  // One key per refund attempt: a double click or a retry after a lost response replays the first answer.
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());
  const outcomeRef = useRef<HTMLDivElement>(null);
  // Move focus to the result once it is on screen, so keyboard and screen-reader users land on it.
  useEffect(() => {
    if (outcome) outcomeRef.current?.focus();
  }, [outcome]);
  // Goods that never left the seller always go back to stock (the verb decides the same way).
  const handedOver = status === 'fulfilled' || status === 'collected';

  function review(ev: React.FormEvent<HTMLFormElement>) {
    ev.preventDefault();
    const text = reason.trim();
    if (text.length < REASON_MIN || text.length > REASON_MAX) {
      setReasonError(`Give a reason of ${REASON_MIN} to ${REASON_MAX} characters; the customer sees it.`);
      return;
    }
    setReasonError(null);
    setOutcome(null);
    setStep('confirm');
  }

  function refund() {
    start(async () => {
      try {
        const r = await refundOrderAsOperationsAction({ orderId, reason: reason.trim(), restock: handedOver && restock, idempotencyKey });
        if (r.ok) {
          setOutcome({ tone: 'success', text: `Order ${reference} was refunded: ${totalLabel} goes back to ${customerName}.` });
          router.refresh();
        } else {
          const field = r.error.fieldErrors?.reason?.[0];
          if (field) setReasonError(field);
          setOutcome({ tone: 'error', text: r.error.message });
          setStep('reason');
          setIdempotencyKey(crypto.randomUUID());
        }
      } catch {
        setOutcome({ tone: 'error', text: 'The refund could not be sent. Check your connection; nothing was refunded unless the order now shows Refunded.' });
        setStep('reason');
      }
    });
  }

  const message =
    outcome?.tone === 'success' ? (
      <div role="status" tabIndex={-1} ref={outcomeRef} className="flex items-start gap-2 rounded-md border border-success/40 bg-success-soft p-3 text-sm text-success-soft-fg" data-testid="refund-success">
        <CircleCheck aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
        <p>{outcome.text}</p>
      </div>
    ) : outcome?.tone === 'error' ? (
      <FormError ref={outcomeRef} message={outcome.text} data-testid="refund-error" />
    ) : null;

  return (
    <div className="grid gap-3">
      {message}
      {/* After a success the form stays hidden even before the refreshed status arrives, so it cannot be sent twice. */}
      {status === 'refunded' || outcome?.tone === 'success' ? (
        message ? null : <p className="text-sm text-muted">This order has been refunded; there is nothing left to do.</p>
      ) : step === 'reason' ? (
        <form onSubmit={review} className="grid gap-3" aria-label={`Refund order ${reference}`} noValidate>
          <FormField label="Reason for the refund" name="reason" required error={reasonError} description="Shown to the customer and the seller, and kept in the audit log.">
            <Textarea value={reason} onChange={(e) => setReason(e.target.value)} maxLength={REASON_MAX} rows={3} />
          </FormField>
          {handedOver ? (
            <Checkbox
              name="restock"
              checked={restock}
              onChange={(e) => setRestock(e.target.checked)}
              label="The goods are back with the seller (restock)"
              description="Tick only when the seller has the goods again; they are then returned to the seller’s stock."
            />
          ) : (
            <p className="text-sm text-muted">The goods have not left the seller yet, so they go back into stock automatically.</p>
          )}
          <div>
            <Button type="submit" variant="secondary">
              Review the refund
            </Button>
          </div>
        </form>
      ) : (
        <div className="grid gap-3 rounded-md border border-danger/40 p-3" role="group" aria-labelledby="refund-confirm-heading">
          <h3 id="refund-confirm-heading" className="font-semibold">
            Refund {totalLabel} to {customerName}?
          </h3>
          <p className="text-sm">This cannot be undone: the full amount goes back to the customer’s card and the seller’s share is taken back.</p>
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
            <dt className="text-muted">Reason</dt>
            <dd className="break-words">{reason.trim()}</dd>
            <dt className="text-muted">Stock</dt>
            <dd>{!handedOver ? 'Goes back to the seller’s stock' : restock ? 'Goods are back: returned to the seller’s stock' : 'Not returned to stock'}</dd>
          </dl>
          <div className="flex flex-wrap gap-2">
            <Button variant="danger" loading={pending} onClick={refund}>
              Refund {totalLabel} now
            </Button>
            <Button variant="ghost" disabled={pending} onClick={() => setStep('reason')}>
              Back
            </Button>
          </div>
        </div>
      )}
    </div>
  );
}
