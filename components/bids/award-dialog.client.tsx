'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { SlotPicker } from '@/components/booking/booking-wizard.client';
import { TEST_CARDS, formatMinor } from '@/components/booking/format';
import { PriceBreakdown } from '@/components/booking/price-breakdown';
import { Button } from '@/components/ui/button';
import { buttonClasses } from '@/components/ui/button-classes';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from '@/components/ui/dialog';
import { FormError } from '@/components/ui/form-field';
import { LoadingState } from '@/components/ui/states';
import { readFailure } from './api';

interface Preview {
  serviceId: string;
  serviceTitle: string;
  durationMinutes: number;
  timeZone: string;
  currency: string;
  lines: Array<{ key: string; label: string; amountMinor: number; included?: boolean }>;
  totalMinor: number;
}

/**
 * "Award": a slot from the winner's real availability, the price at the bid (fee and tax on top)
 * and a test card, then one request that books and awards together. A taken slot leaves the job
 * as it was and asks for another time.
 */
export function AwardDialog({ jobId, bidId, providerName, amountMinor, currency }: { jobId: string; bidId: string; providerName: string; amountMinor: number; currency: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [preview, setPreview] = useState<{ state: 'loading' } | { state: 'ok'; data: Preview } | { state: 'error'; message: string }>({ state: 'loading' });
  const [startsAt, setStartsAt] = useState<string | null>(null);
  const [pm, setPm] = useState<string>(TEST_CARDS[0].id);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<{ bookingId: string; paymentStatus: string; nextActionUrl: string | null } | null>(null);
  // One key per dialog opening: a double click returns the first award instead of a second attempt.
  const [key, setKey] = useState('');

  function onOpenChange(next: boolean) {
    if (busy) return;
    if (next) {
      setPreview({ state: 'loading' });
      setKey(crypto.randomUUID());
      setError(null);
    }
    setOpen(next);
    if (!next && done) router.refresh();
  }

  useEffect(() => {
    if (!open) return;
    const ctrl = new AbortController();
    (async () => {
      try {
        const res = await fetch(`/api/v1/jobs/${jobId}/bids/${bidId}/award-preview`, { signal: ctrl.signal });
        if (!res.ok) return setPreview({ state: 'error', message: (await readFailure(res)).message });
        setPreview({ state: 'ok', data: (await res.json()) as Preview });
      } catch (err) {
        if ((err as Error).name !== 'AbortError') setPreview({ state: 'error', message: 'The price could not be loaded. Try again.' });
      }
    })();
    return () => ctrl.abort();
  }, [open, jobId, bidId]);

  async function confirm() {
    if (!startsAt) return setError('Choose a start time first.');
    setBusy(true);
    setError(null);
    try {
      const res = await fetch(`/api/v1/jobs/${jobId}/award`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': key },
        body: JSON.stringify({ bidId, startsAt, paymentMethod: pm }),
      });
      if (!res.ok) {
        const f = await readFailure(res);
        if (f.status === 409 && f.details.alternativesUrl) {
          setStartsAt(null);
          setError(`${f.message} Nothing was awarded; pick another time below.`);
        } else setError(f.message);
        return;
      }
      const body = (await res.json()) as { bookingId: string; payment: { status: string; nextActionUrl: string | null } };
      // The page refreshes when the dialog closes: refreshing now would unmount this dialog (the bid
      // is no longer awardable) before the customer sees the booking link.
      setDone({ bookingId: body.bookingId, paymentStatus: body.payment.status, nextActionUrl: body.payment.nextActionUrl });
    } catch {
      setError('The award could not be sent. Check your connection and try again.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button type="button" size="sm">
          Award
        </Button>
      </DialogTrigger>
      <DialogContent size="lg">
        <DialogHeader>
          <DialogTitle>Award to {providerName}</DialogTitle>
          <DialogDescription>
            Books {providerName} at their bid of {formatMinor(amountMinor, currency)}. Every other bid is declined.
          </DialogDescription>
        </DialogHeader>
        {done ? (
          <div className="grid gap-3" role="status">
            <p>
              Awarded. {done.paymentStatus === 'requires_action' ? 'Your bank asks you to confirm the payment before the booking is final.' : 'The booking is confirmed.'}
            </p>
            <div className="flex flex-wrap gap-2">
              {done.nextActionUrl ? (
                <a className={buttonClasses({})} href={done.nextActionUrl}>
                  Confirm the payment
                </a>
              ) : null}
              <Link className={buttonClasses({ variant: done.nextActionUrl ? 'secondary' : 'primary' })} href={`/account/bookings/${done.bookingId}`}>
                View the booking
              </Link>
            </div>
          </div>
        ) : preview.state === 'loading' ? (
          <LoadingState label="Working out the price…" />
        ) : preview.state === 'error' ? (
          <FormError message={preview.message} />
        ) : (
          <div className="grid gap-5">
            <section className="grid gap-2" aria-labelledby={`when-${bidId}`}>
              <h3 id={`when-${bidId}`} className="text-base font-semibold">
                When — {preview.data.serviceTitle} ({preview.data.durationMinutes} min)
              </h3>
              <SlotPicker serviceId={preview.data.serviceId} timeZone={preview.data.timeZone} zoneName="" value={startsAt} onChange={setStartsAt} />
            </section>
            <section className="grid gap-2" aria-labelledby={`price-${bidId}`}>
              <h3 id={`price-${bidId}`} className="text-base font-semibold">
                Price
              </h3>
              <PriceBreakdown lines={preview.data.lines} currency={preview.data.currency} />
            </section>
            <fieldset className="grid gap-2">
              <legend className="mb-1 text-base font-semibold">Payment method</legend>
              {TEST_CARDS.map((c) => (
                <label key={c.id} className="flex min-h-10 cursor-pointer items-start gap-3 rounded-md border p-3 has-checked:border-primary">
                  <input type="radio" name={`pm-${bidId}`} value={c.id} className="mt-1 size-4" checked={pm === c.id} onChange={() => setPm(c.id)} />
                  <span className="grid text-sm">
                    <span className="font-medium">{c.label}</span>
                    <span className="text-muted">
                      {c.hint} (<code className="break-all">{c.id}</code>)
                    </span>
                  </span>
                </label>
              ))}
              <p className="text-sm text-muted">The card is only authorised now; it is charged when the crew checks in.</p>
            </fieldset>
            {error ? <FormError message={error} /> : null}
          </div>
        )}
        {done ? null : (
          <DialogFooter>
            <Button type="button" variant="secondary" onClick={() => onOpenChange(false)} disabled={busy}>
              Cancel
            </Button>
            <Button type="button" onClick={confirm} disabled={busy || preview.state !== 'ok' || !startsAt}>
              {busy ? 'Awarding…' : preview.state === 'ok' ? `Award and pay ${formatMinor(preview.data.totalMinor, preview.data.currency)}` : 'Award'}
            </Button>
          </DialogFooter>
        )}
      </DialogContent>
    </Dialog>
  );
}
