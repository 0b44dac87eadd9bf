'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { FormError, FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { Textarea } from '@/components/ui/textarea';
import { currencyExponent, minorToDecimal } from '@/components/explorer/format';
import { readFailure } from './api';

/** Major units typed by a person ("180" or "180.50") → minor units, or null when not a price. */
function toMinor(text: string, exponent: number): number | null {
  const t = text.trim().replace(/,/g, '');
  if (!/^\d+(\.\d+)?$/.test(t)) return null;
  const [whole, frac = ''] = t.split('.');
  if (frac.length > exponent) return null;
  return Number(whole) * 10 ** exponent + Number((frac + '0'.repeat(exponent)).slice(0, exponent) || '0');
}

export interface BidFormProps {
  jobId: string;
  currency: string;
  /** The current bid when revising (or placing again after a withdrawal). */
  current?: { bidId: string; amountMinor: number; etaDays: number; message: string; status: 'active' | 'withdrawn' };
}

/** Place, revise or withdraw a bid. Attachments (≤ 3 images or PDFs) travel as multipart. */
export function BidForm({ jobId, currency, current }: BidFormProps) {
  const router = useRouter();
  const exponent = currencyExponent(currency);
  const revising = current?.status === 'active';
  const [amount, setAmount] = useState(current ? minorToDecimal(current.amountMinor, exponent) : '');
  const [busy, setBusy] = useState<'save' | 'withdraw' | null>(null);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  async function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const formEl = e.currentTarget;
    const form = new FormData(formEl);
    const minor = toMinor(amount, exponent);
    if (minor == null || minor <= 0) {
      setErrors({ amountMinor: ['must be a price above 0, e.g. 180 or 180.50'] });
      return;
    }
    form.delete('amount');
    form.set('amountMinor', String(minor));
    setBusy('save');
    setErrors({});
    setMessage(null);
    setSaved(null);
    try {
      const url = revising ? `/api/v1/jobs/${jobId}/bids/${current!.bidId}` : `/api/v1/jobs/${jobId}/bids`;
      const res = await fetch(url, { method: revising ? 'PATCH' : 'POST', body: form });
      if (!res.ok) {
        const f = await readFailure(res);
        setErrors(f.fieldErrors);
        setMessage(f.message);
        return;
      }
      setSaved(revising ? 'Bid revised. The customer has been told.' : 'Bid placed. The customer has been told.');
      // The files are on the bid now; a later revision should not send them again unless re-chosen.
      const files = formEl.querySelector<HTMLInputElement>('input[type="file"]');
      if (files) files.value = '';
      router.refresh();
    } catch {
      setMessage('The bid could not be sent. Check your connection and try again.');
    } finally {
      setBusy(null);
    }
  }

  async function withdraw() {
    if (!current || !window.confirm('Withdraw your bid? You can place a new one until the deadline.')) return;
    setBusy('withdraw');
    setMessage(null);
    try {
      const res = await fetch(`/api/v1/jobs/${jobId}/bids/${current.bidId}`, { method: 'DELETE' });
      if (!res.ok) return setMessage((await readFailure(res)).message);
      setSaved('Bid withdrawn.');
      router.refresh();
    } catch {
      setMessage('The bid could not be withdrawn. Check your connection and try again.');
    } finally {
      setBusy(null);
    }
  }

  const attachmentErrors = Object.entries(errors)
    .filter(([k]) => k.startsWith('attachments'))
    .flatMap(([k, v]) => v.map((m) => (k === 'attachments' ? m : `file ${Number(k.split('.')[1]) + 1} ${m}`)));

  return (
    <form onSubmit={submit} className="grid gap-4" data-testid="bid-form" noValidate>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField label={`Your price (${currency})`} name="amount" error={errors.amountMinor} description="Before the platform fee and tax, which the customer pays on top." required>
          <Input inputMode="decimal" autoComplete="off" value={amount} onChange={(e) => setAmount(e.target.value)} />
        </FormField>
        <FormField label="Ready within (days)" name="etaDays" error={errors.etaDays} description="0 means you can start straight away." required>
          <Input type="number" min={0} max={365} step={1} defaultValue={current?.etaDays ?? 3} />
        </FormField>
      </div>
      <FormField label="Message to the customer" name="message" error={errors.message} description="What is included, materials, questions. Up to 2,000 characters.">
        <Textarea rows={4} maxLength={2000} defaultValue={current?.message ?? ''} />
      </FormField>
      <FormField
        label={revising ? 'Replace attachments (optional)' : 'Attachments (optional)'}
        name="attachments"
        error={attachmentErrors}
        description={revising ? 'Up to 3 images or PDFs; choosing files replaces the current ones.' : 'Up to 3 images (JPEG, PNG, WebP) or PDFs, e.g. a written quote.'}
      >
        <Input type="file" multiple accept="image/jpeg,image/png,image/webp,application/pdf" className="py-2" />
      </FormField>
      {message && !Object.keys(errors).length ? <FormError message={message} /> : null}
      {saved ? (
        <p role="status" className="text-sm font-medium text-success-soft-fg">
          {saved}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={busy !== null}>
          {busy === 'save' ? 'Sending…' : revising ? 'Revise bid' : current ? 'Place bid again' : 'Place bid'}
        </Button>
        {revising ? (
          <Button type="button" variant="danger" onClick={withdraw} disabled={busy !== null}>
            {busy === 'withdraw' ? 'Withdrawing…' : 'Withdraw bid'}
          </Button>
        ) : null}
      </div>
    </form>
  );
}
