'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useMemo, useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { FormError, FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { Textarea } from '@/components/ui/textarea';
import { createOrderAction } from '@/lib/marketplace/actions';
import { formatMinor } from './format';

interface Quote {
  currency: string;
  subtotalMinor: number;
  deliveryFeeMinor: number;
  serviceFeeMinor: number;
  taxMinor: number;
  taxRateBp: number;
  totalMinor: number;
  available: number;
}

/**
 * Checkout for a purchase: quantity (≤ what is available now), pickup or delivery, card. The price
 * preview comes from the same pricing the order uses; the server re-checks stock under a lock.
 */
export function CheckoutForm({ listingId, title, available }: { listingId: string; title: string; available: number }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [quantity, setQuantity] = useState(1);
  const [fulfilment, setFulfilment] = useState<'pickup' | 'delivery'>('pickup');
  const [quote, setQuote] = useState<Quote | null>(null);
  const [quoteError, setQuoteError] = useState<string | null>(null);
  const [error, setError] = useState<{ message: string; fieldErrors?: Record<string, string[]> } | null>(null);
  // One key per checkout: a double submit or a retry after a network drop pays once.
  const idempotencyKey = useMemo(() => `order-${crypto.randomUUID()}`, []);

  useEffect(() => {
    if (!Number.isInteger(quantity) || quantity < 1) return;
    const ctrl = new AbortController();
    const q = new URLSearchParams({ listingId, quantity: String(quantity), fulfilment });
    fetch(`/api/v1/marketplace/order-quote?${q}`, { signal: ctrl.signal })
      .then(async (r) => {
        const body = await r.json();
        if (!r.ok) throw new Error(body?.detail ?? 'The price could not be worked out.');
        setQuote(body as Quote);
        setQuoteError(null);
      })
      .catch((e: unknown) => {
        if ((e as { name?: string }).name !== 'AbortError') setQuoteError(e instanceof Error ? e.message : 'The price could not be worked out.');
      });
    return () => ctrl.abort();
  }, [listingId, quantity, fulfilment]);

  return (
    <form
      className="grid max-w-xl gap-4"
      onSubmit={(ev) => {
        ev.preventDefault();
        const fd = new FormData(ev.currentTarget);
        setError(null);
        start(async () => {
          try {
            const r = await createOrderAction({
              listingId,
              quantity: Number(fd.get('quantity')),
              fulfilment,
              deliveryAddress: fulfilment === 'delivery' ? String(fd.get('deliveryAddress') ?? '') : undefined,
              paymentMethod: String(fd.get('paymentMethod') ?? ''),
              idempotencyKey,
            });
            if (r.ok) router.push(`/account/orders/${r.data.id}`);
            else setError({ message: r.error.message, fieldErrors: r.error.fieldErrors });
          } catch {
            setError({ message: 'The order could not be sent. Check your connection and try again.' });
          }
        });
      }}
    >
      <FormField label="Quantity" name="quantity" required description={`${available} available now`} error={error?.fieldErrors?.quantity}>
        <Input type="number" inputMode="numeric" min={1} max={available} step={1} value={quantity} onChange={(e) => setQuantity(Math.max(1, Math.floor(Number(e.target.value) || 1)))} />
      </FormField>
      <fieldset className="grid gap-1.5">
        <legend className="text-sm font-medium">Pickup or delivery</legend>
        {(['pickup', 'delivery'] as const).map((f) => (
          <label key={f} className="flex min-h-10 items-center gap-2 text-sm">
            <input type="radio" name="fulfilment" value={f} checked={fulfilment === f} onChange={() => setFulfilment(f)} className="size-4" />
            {f === 'pickup' ? 'Collect from the seller (free)' : 'Delivery (£5, free from £100 of goods)'}
          </label>
        ))}
      </fieldset>
      {fulfilment === 'delivery' ? (
        <FormField label="Delivery address" name="deliveryAddress" required error={error?.fieldErrors?.deliveryAddress}>
          <Textarea rows={3} minLength={8} maxLength={500} autoComplete="street-address" />
        </FormField>
      ) : null}
      <FormField label="Card number" name="paymentMethod" required description="Test mode: 4242 4242 4242 4242 succeeds, 4000 0000 0000 0002 is declined." error={error?.fieldErrors?.paymentMethod}>
        <Input inputMode="numeric" autoComplete="cc-number" placeholder="4242 4242 4242 4242" maxLength={40} />
      </FormField>
      <section aria-labelledby="summary-h" aria-live="polite" className="grid gap-1 rounded-lg border bg-surface p-4 text-sm">
        <h2 id="summary-h" className="font-semibold">
          Order summary
        </h2>
        {quoteError ? (
          <p className="text-danger">{quoteError}</p>
        ) : quote ? (
          <dl className="grid grid-cols-[1fr_auto] gap-x-4 gap-y-1" data-testid="order-summary">
            <dt>
              {quantity} × {title}
            </dt>
            <dd className="text-right">{formatMinor(quote.subtotalMinor, quote.currency)}</dd>
            {fulfilment === 'delivery' ? (
              <>
                <dt>Delivery</dt>
                <dd className="text-right">{formatMinor(quote.deliveryFeeMinor, quote.currency)}</dd>
              </>
            ) : null}
            <dt>Service fee</dt>
            <dd className="text-right">{formatMinor(quote.serviceFeeMinor, quote.currency)}</dd>
            <dt>Tax ({quote.taxRateBp / 100}%)</dt>
            <dd className="text-right">{formatMinor(quote.taxMinor, quote.currency)}</dd>
            <dt className="font-semibold">Total</dt>
            <dd className="text-right font-semibold" data-testid="order-total">
              {formatMinor(quote.totalMinor, quote.currency)}
            </dd>
          </dl>
        ) : (
          <p className="text-muted">Working out the price…</p>
        )}
      </section>
      {error ? <FormError message={error.message} /> : null}
      <div>
        <Button type="submit" loading={pending} disabled={!quote}>
          Pay and place order
        </Button>
      </div>
    </form>
  );
}
