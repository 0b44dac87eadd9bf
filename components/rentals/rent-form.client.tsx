'use client';

import { useEffect, useMemo, useState } from 'react';
import { useRouter } from 'next/navigation';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { FormError, FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { Skeleton } from '@/components/ui/states';
import { callApi, getJson } from './api';
import { money } from './format';

interface Day {
  date: string;
  free: number;
}
interface Preview {
  days: number;
  quantity: number;
  currency: string;
  totalMinor: number;
  depositMinor: number;
  available: number;
  lines: Array<{ key: string; label: string; amountMinor: number }>;
}

const pad = (n: number) => String(n).padStart(2, '0');
/** A datetime-local value in the browser's zone. */
const localValue = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;

/** Month grid of free counts; each day is a button that sets the start (first click) or the end (second). */
function AvailabilityCalendar({ days, capacity, onPick, selected }: { days: Day[]; capacity: number; onPick: (date: string) => void; selected: { start: string; end: string } }) {
  const months = useMemo(() => {
    const byMonth = new Map<string, Day[]>();
    for (const d of days) {
      const k = d.date.slice(0, 7);
      byMonth.set(k, [...(byMonth.get(k) ?? []), d]);
    }
    return [...byMonth.entries()];
  }, [days]);
  // Until the user pages, the calendar shows the month of the chosen start.
  const [paged, setPaged] = useState<number | null>(null);
  const follow = months.findIndex(([k]) => k === selected.start.slice(0, 7));
  const index = paged ?? Math.max(0, follow);
  const setIndex = (f: (i: number) => number) => setPaged(f(index));
  const month = months[Math.min(index, months.length - 1)];
  if (!month) return <p className="text-sm text-muted">No availability to show.</p>;
  const [key, list] = month;
  const first = new Date(`${key}-01T00:00:00Z`);
  const lead = (first.getUTCDay() + 6) % 7; // Monday first
  const daysInMonth = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  const byDate = new Map(list.map((d) => [d.date, d.free]));
  const cells: Array<string | null> = [...Array(lead).fill(null), ...Array.from({ length: daysInMonth }, (_, i) => `${key}-${pad(i + 1)}`)];
  while (cells.length % 7) cells.push(null);
  const weeks = Array.from({ length: cells.length / 7 }, (_, i) => cells.slice(i * 7, i * 7 + 7));
  const title = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(first);
  return (
    <div className="grid gap-2">
      <div className="flex items-center justify-between gap-2">
        <Button type="button" variant="ghost" size="sm" onClick={() => setIndex((i) => Math.max(0, i - 1))} disabled={index === 0} aria-label="Previous month">
          ‹ Prev
        </Button>
        <p className="text-sm font-medium" aria-live="polite">
          {title}
        </p>
        <Button type="button" variant="ghost" size="sm" onClick={() => setIndex((i) => Math.min(months.length - 1, i + 1))} disabled={index >= months.length - 1} aria-label="Next month">
          Next ›
        </Button>
      </div>
      <table className="w-full table-fixed border-collapse text-center text-xs" data-testid="availability-calendar">
        <caption className="sr-only">
          {title}: units free per day (of {capacity}). Choose a day to set the start, then the end.
        </caption>
        <thead>
          <tr>
            {['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].map((d) => (
              <th key={d} scope="col" className="py-1 font-medium text-muted">
                {d}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((w, i) => (
            <tr key={i}>
              {w.map((date, j) => {
                if (!date) return <td key={j} />;
                const free = byDate.get(date);
                const isSel = date === selected.start || date === selected.end;
                return (
                  <td key={j} className="p-0.5">
                    {free === undefined ? (
                      <span className="block rounded py-1 text-muted/60">{Number(date.slice(8))}</span>
                    ) : (
                      <button
                        type="button"
                        onClick={() => onPick(date)}
                        aria-pressed={isSel}
                        aria-label={`${date}: ${free} free`}
                        className={`block w-full rounded py-1 outline-offset-1 focus-visible:outline-2 ${isSel ? 'bg-primary text-primary-fg' : free === 0 ? 'bg-surface-muted text-muted line-through' : 'hover:bg-surface-muted'}`}
                      >
                        <span className="block font-medium">{Number(date.slice(8))}</span>
                        <span className="block text-[10px]">{free} free</span>
                      </button>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function RentForm({ listingId, currency, dailyRateMinor, depositMinor, tracking, nowMs }: { listingId: string; currency: string; dailyRateMinor: number; depositMinor: number; tracking: string; nowMs: number }) {
  const router = useRouter();
  const tomorrow = useMemo(() => {
    const d = new Date(nowMs + 86_400_000);
    d.setHours(10, 0, 0, 0);
    return d;
  }, [nowMs]);
  const [startsAt, setStartsAt] = useState(localValue(tomorrow));
  const [endsAt, setEndsAt] = useState(localValue(new Date(tomorrow.getTime() + 2 * 86_400_000)));
  const [quantity, setQuantity] = useState(1);
  const [fulfilment, setFulfilment] = useState<'pickup' | 'delivery'>('pickup');
  const [address, setAddress] = useState('');
  const [card, setCard] = useState('4242 4242 4242 4242');
  const [cal, setCal] = useState<{ days: Day[]; capacity: number } | null>(null);
  const [calError, setCalError] = useState<string | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [previewError, setPreviewError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [pickEnd, setPickEnd] = useState(false);

  useEffect(() => {
    const ac = new AbortController();
    void getJson<{ days: Day[]; capacity: number }>(`/api/v1/rentals/availability?listingId=${listingId}&days=60`, ac.signal).then((r) => {
      if (r.ok) setCal(r.data);
      else if (r.status) setCalError(r.message);
    });
    return () => ac.abort();
  }, [listingId]);

  useEffect(() => {
    const ac = new AbortController();
    const s = new Date(startsAt);
    const e = new Date(endsAt);
    if (Number.isNaN(s.getTime()) || Number.isNaN(e.getTime())) return;
    const qs = new URLSearchParams({ listingId, startsAt: s.toISOString(), endsAt: e.toISOString(), quantity: String(quantity), fulfilment });
    const t = setTimeout(() => {
      void getJson<Preview>(`/api/v1/rentals/preview?${qs}`, ac.signal).then((r) => {
        if (ac.signal.aborted) return;
        if (r.ok) {
          setPreview(r.data);
          setPreviewError(null);
        } else if (r.status) {
          setPreview(null);
          setPreviewError(r.message);
        }
      });
    }, 200);
    return () => {
      clearTimeout(t);
      ac.abort();
    };
  }, [listingId, startsAt, endsAt, quantity, fulfilment]);

  const pickDay = (date: string) => {
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    const at = new Date(y, m - 1, d, 10, 0);
    if (!pickEnd) {
      setStartsAt(localValue(at));
      if (new Date(endsAt) <= at) setEndsAt(localValue(new Date(at.getTime() + 86_400_000)));
    } else if (at > new Date(startsAt)) {
      setEndsAt(localValue(at));
    }
    setPickEnd((p) => !p);
  };

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setFieldErrors({});
    // One key per submit: a retried network call replays instead of renting twice (the button is disabled meanwhile).
    const r = await callApi<{ rentalId: string }>(
      '/api/v1/rentals',
      { listingId, startsAt: new Date(startsAt).toISOString(), endsAt: new Date(endsAt).toISOString(), quantity, fulfilment, deliveryAddress: address, paymentMethod: card.replace(/\s+/g, '') },
    );
    if (r.ok) {
      router.push(`/account/rentals/${r.data.rentalId}`);
      return;
    }
    setBusy(false);
    setError(r.message);
    setFieldErrors(r.fieldErrors);
  }

  return (
    <form onSubmit={submit} className="grid grid-cols-[minmax(0,1fr)] gap-4 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]" noValidate>
      <div className="grid gap-4">
        <Card>
          <CardHeader>
            <CardTitle>When</CardTitle>
          </CardHeader>
          <CardContent className="grid gap-3">
            <div className="grid gap-3 sm:grid-cols-2">
              <FormField label="Start" name="startsAt" required error={fieldErrors.startsAt}>
                <Input type="datetime-local" value={startsAt} onChange={(e) => setStartsAt(e.target.value)} />
              </FormField>
              <FormField label="End" name="endsAt" required error={fieldErrors.endsAt}>
                <Input type="datetime-local" value={endsAt} onChange={(e) => setEndsAt(e.target.value)} />
              </FormField>
            </div>
            <p className="text-xs text-muted">{pickEnd ? 'Choose the end day in the calendar.' : 'Choose the start day in the calendar, then the end day.'} Charged per started 24 hours.</p>
            {cal ? (
              <AvailabilityCalendar days={cal.days} capacity={cal.capacity} onPick={pickDay} selected={{ start: startsAt.slice(0, 10), end: endsAt.slice(0, 10) }} />
            ) : calError ? (
              <p className="text-sm text-danger" role="alert">
                {calError}
              </p>
            ) : (
              <Skeleton className="h-48" aria-label="Loading availability" />
            )}
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>How many and how</CardTitle>
          </CardHeader>
          <CardContent className="grid gap-3">
            <FormField label="Quantity" name="quantity" required error={fieldErrors.quantity} description={tracking === 'serialised' ? 'Each unit is a numbered tool.' : undefined}>
              <Input type="number" min={1} max={1000} inputMode="numeric" value={quantity} onChange={(e) => setQuantity(Math.max(1, Number(e.target.value) || 1))} />
            </FormField>
            <FormField label="Pickup or delivery" name="fulfilment" error={fieldErrors.fulfilment}>
              <Select value={fulfilment} onChange={(e) => setFulfilment(e.target.value as 'pickup' | 'delivery')}>
                <option value="pickup">I will pick it up</option>
                <option value="delivery">Deliver it (flat fee)</option>
              </Select>
            </FormField>
            {fulfilment === 'delivery' ? (
              <FormField label="Delivery address" name="deliveryAddress" required error={fieldErrors.deliveryAddress}>
                <Input value={address} onChange={(e) => setAddress(e.target.value)} autoComplete="street-address" />
              </FormField>
            ) : null}
            <FormField label="Card" name="paymentMethod" required error={fieldErrors.paymentMethod} description="Test card 4242 4242 4242 4242. The total is held now and charged at pickup; the deposit is held at pickup.">
              <Input value={card} onChange={(e) => setCard(e.target.value)} inputMode="numeric" autoComplete="cc-number" />
            </FormField>
          </CardContent>
        </Card>
      </div>
      <Card className="h-fit lg:sticky lg:top-4">
        <CardHeader>
          <CardTitle>Price</CardTitle>
        </CardHeader>
        <CardContent className="grid gap-3">
          <p className="text-sm text-muted">
            {money(dailyRateMinor, currency)} a day · deposit {money(depositMinor, currency)} per unit
          </p>
          <div aria-live="polite" data-testid="rental-preview">
            {preview ? (
              <>
                <table className="w-full text-sm">
                  <tbody>
                    {preview.lines.map((l) => (
                      <tr key={l.key} className={l.key === 'total' ? 'border-t border-border font-semibold' : ''}>
                        <th scope="row" className="py-1 text-left font-normal">
                          {l.label}
                        </th>
                        <td className="py-1 text-right tabular-nums">{money(l.amountMinor, preview.currency)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                <p className={`mt-2 text-xs ${preview.available >= quantity ? 'text-muted' : 'text-danger'}`}>
                  {preview.available >= quantity ? `${preview.available} free for these dates.` : `Only ${preview.available} free for these dates.`}
                </p>
              </>
            ) : previewError ? (
              <p className="text-sm text-danger">{previewError}</p>
            ) : (
              <Skeleton className="h-32" />
            )}
          </div>
          {error ? <FormError message={error} /> : null}
          <Button type="submit" disabled={busy}>
            {busy ? 'Sending…' : 'Request rental'}
          </Button>
        </CardContent>
      </Card>
    </form>
  );
}
