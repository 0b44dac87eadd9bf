'use client';

import Link from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useEffect, useRef, useState, useTransition, type FormEvent, type ReactNode } from 'react';
import { Check, MapPin } from 'lucide-react';
import { PlaceSearch } from '@/components/explorer/place-search';
import { Button } from '@/components/ui/button';
import { buttonClasses } from '@/components/ui/button-classes';
import { FormError, FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { Skeleton, Spinner } from '@/components/ui/states';
import { Textarea } from '@/components/ui/textarea';
import { createBookingAction } from '@/lib/bookings/actions';
import type { QuotePreview } from '@/lib/bookings/quote-contract';
import type { MapClientConfig } from '@/lib/geo/map-config';
import type { BookableService } from '@/lib/bookings/quote-contract';
import { formatInZone, formatLocalDate, formatMinor, TEST_CARDS, timeInZone } from './format';
import { LocationMap } from './location-map.client';
import { SERIES_MAX_VISITS, SERIES_MIN_VISITS, seriesVisits } from '@/lib/bookings/series-preview';
import { CancellationTerms, PriceBreakdown, SeriesSummary } from './price-breakdown';

export type WizardService = BookableService;

export interface WizardAddress {
  id: string;
  label: string;
  addressLine: string;
  lon: number;
  lat: number;
}

const STEPS = [
  { key: 'service', label: 'Service' },
  { key: 'location', label: 'Location' },
  { key: 'when', label: 'When' },
  { key: 'details', label: 'Details' },
  { key: 'review', label: 'Review & pay' },
] as const;
type StepKey = (typeof STEPS)[number]['key'];

type Slot = { startsAt: string; endsAt: string };

/**
 * The booking wizard. Its whole state lives in the URL (step, point, time, details, payment card,
 * idempotency key), so it is resumable, shareable, survives sign-in and Back moves one step back.
 * Every step is a <form> with a heading that takes focus when the step opens.
 */
export function BookingWizard({
  service,
  signedIn,
  isCustomer,
  addresses,
  mapConfig,
}: {
  service: WizardService;
  signedIn: boolean;
  isCustomer: boolean;
  addresses: WizardAddress[];
  mapConfig: MapClientConfig;
}) {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const stepParam = params.get('step') as StepKey | null;
  const step: StepKey = STEPS.some((s) => s.key === stepParam) ? stepParam! : 'service';
  const stepIndex = STEPS.findIndex((s) => s.key === step);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const first = useRef(true);

  const lon = params.get('lon');
  const lat = params.get('lat');
  const point = lon && lat && Number.isFinite(Number(lon)) && Number.isFinite(Number(lat)) ? { lon: Number(lon), lat: Number(lat) } : null;
  const type = params.get('type') === 'on_demand' && service.acceptsOnDemand ? 'on_demand' : 'scheduled';
  const at = params.get('at');
  const key = params.get('key');

  // One idempotency key per wizard, kept in the URL: a double click or Back + confirm returns the first booking.
  useEffect(() => {
    if (!key) {
      const next = new URLSearchParams(params.toString());
      next.set('key', crypto.randomUUID());
      router.replace(`${pathname}?${next.toString()}`, { scroll: false });
    }
  }, [key, params, pathname, router]);

  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    headingRef.current?.focus();
  }, [step]);

  const go = (changes: Record<string, string | null>, opts: { replace?: boolean } = {}) => {
    const next = new URLSearchParams(params.toString());
    for (const [k, v] of Object.entries(changes)) {
      if (v === null || v === '') next.delete(k);
      else next.set(k, v);
    }
    const href = `${pathname}?${next.toString()}`;
    if (opts.replace) router.replace(href, { scroll: false });
    else router.push(href, { scroll: true });
  };

  // Zone, coverage and price at the chosen point (read only; the booking re-checks all of it).
  const quote = useQuote(service.id, point, type);

  const heading = (text: string) => (
    <h2 ref={headingRef} tabIndex={-1} className="text-xl font-semibold outline-none">
      {text}
    </h2>
  );

  return (
    <div className="grid min-w-0 gap-6">
      <nav aria-label="Booking progress">
        <p className="mb-2 text-sm text-muted">
          Step {stepIndex + 1} of {STEPS.length}
        </p>
        <ol className="grid grid-cols-5 gap-1">
          {STEPS.map((s, i) => (
            <li key={s.key} aria-current={i === stepIndex ? 'step' : undefined} className="grid min-w-0 gap-1">
              <span className={`h-1.5 rounded-full ${i <= stepIndex ? 'bg-primary' : 'bg-surface-muted'}`} aria-hidden="true" />
              <span className={`truncate text-xs ${i === stepIndex ? 'font-semibold text-fg' : 'text-muted'}`}>
                {i < stepIndex ? <Check aria-hidden="true" className="me-0.5 inline size-3" /> : null}
                {s.label}
                {i < stepIndex ? <span className="sr-only"> (done)</span> : null}
              </span>
            </li>
          ))}
        </ol>
      </nav>

      {step === 'service' ? (
        <StepForm heading={heading('The service')} onSubmit={() => go({ step: 'location' })} submitLabel="Choose the location">
          <div className="grid gap-1">
            <p className="text-lg font-semibold">{service.title}</p>
            <p className="text-sm text-muted">
              {service.providerName} · {service.categoryName}
            </p>
          </div>
          {service.description ? <p className="text-sm">{service.description}</p> : null}
          <dl className="grid grid-cols-2 gap-x-4 gap-y-2 text-sm sm:grid-cols-4">
            <Fact label="Price from">
              {formatMinor(service.priceMinor, service.currency)}
              <span className="text-muted"> {service.taxInclusive ? 'incl. tax' : '+ tax'}</span>
            </Fact>
            <Fact label="Takes">{formatDuration(service.durationMinutes)}</Fact>
            <Fact label="Crew">{service.crewSize === 1 ? '1 person' : `${service.crewSize} people`}</Fact>
            <Fact label="Booking">{service.requiresConfirmation ? 'Provider confirms' : 'Instant'}</Fact>
          </dl>
          <p className="text-sm text-muted">A service fee and tax are added for your location; you see the exact total before you pay.</p>
        </StepForm>
      ) : null}

      {step === 'location' ? (
        <LocationStep
          heading={heading('Where is the job?')}
          service={service}
          point={point}
          place={params.get('place')}
          addressId={params.get('addr')}
          addresses={addresses}
          mapConfig={mapConfig}
          quote={quote}
          onPick={(p) => go({ lon: p.lon.toFixed(6), lat: p.lat.toFixed(6), place: p.place, addr: p.addressId ?? null, line: p.addressLine ?? params.get('line') }, { replace: true })}
          onBack={() => router.back()}
          onNext={() => go({ step: 'when' })}
        />
      ) : null}

      {step === 'when' ? (
        <WhenStep
          heading={heading('When?')}
          service={service}
          type={type}
          at={at}
          quote={quote}
          onChange={(c) => go(c, { replace: true })}
          onBack={() => router.back()}
          onNext={() => go({ step: 'details' })}
          missingPoint={!point}
          onFixPoint={() => go({ step: 'location' })}
        />
      ) : null}

      {step === 'details' ? (
        <DetailsStep
          heading={heading('Details')}
          type={type}
          initial={{ line: params.get('line') ?? params.get('place') ?? '', notes: params.get('notes') ?? '', repeat: params.get('repeat') ?? '', count: params.get('count') ?? '4' }}
          fromSavedAddress={!!params.get('addr')}
          onBack={() => router.back()}
          onNext={(v) => go({ ...v, step: 'review' })}
        />
      ) : null}

      {step === 'review' ? (
        <ReviewStep
          heading={heading('Review and pay')}
          service={service}
          params={params}
          point={point}
          type={type}
          at={at}
          signedIn={signedIn}
          isCustomer={isCustomer}
          onBack={() => router.back()}
          go={go}
        />
      ) : null}
    </div>
  );
}

// ---- shared bits ------------------------------------------------------------------------------

function StepForm({
  heading,
  children,
  onSubmit,
  submitLabel,
  onBack,
  canSubmit = true,
  pending = false,
}: {
  heading: ReactNode;
  children: ReactNode;
  onSubmit: () => void;
  submitLabel: string;
  onBack?: () => void;
  canSubmit?: boolean;
  pending?: boolean;
}) {
  return (
    <form
      className="grid min-w-0 gap-5 rounded-lg border bg-surface p-4 sm:p-6"
      noValidate
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        if (canSubmit && !pending) onSubmit();
      }}
    >
      {heading}
      {children}
      <div className="flex flex-wrap-reverse justify-between gap-2 border-t pt-4">
        {onBack ? (
          <Button type="button" variant="secondary" onClick={onBack}>
            Back
          </Button>
        ) : (
          <span />
        )}
        <Button type="submit" disabled={!canSubmit} loading={pending}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid gap-0.5">
      <dt className="text-muted">{label}</dt>
      <dd className="font-medium">{children}</dd>
    </div>
  );
}

function formatDuration(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m ? `${h} h ${m} min` : `${h} h`;
}

type QuoteState = { state: 'idle' } | { state: 'loading' } | { state: 'error'; message: string; outside: boolean } | { state: 'ok'; quote: QuotePreview };

/** GET /api/v1/bookings/quote for the point (and the booking type), re-fetched when they change. */
function useQuote(serviceId: string, point: { lon: number; lat: number } | null, type: string): QuoteState {
  const [result, setResult] = useState<{ key: string; value: QuoteState } | null>(null);
  const key = point ? `${point.lon},${point.lat},${type}` : '';
  useEffect(() => {
    if (!point) return;
    const ctrl = new AbortController();
    (async () => {
      try {
        const res = await fetch(`/api/v1/bookings/quote?serviceId=${serviceId}&type=${type}&lon=${point.lon}&lat=${point.lat}`, { signal: ctrl.signal });
        const body = await res.json();
        if (!res.ok) {
          const outside = !!body?.errors?.location || /outside/i.test(body?.detail ?? '');
          setResult({ key, value: { state: 'error', outside, message: outside ? 'This address is outside our service zones.' : (body?.detail ?? 'The price could not be worked out. Try again.') } });
          return;
        }
        setResult({ key, value: { state: 'ok', quote: body as QuotePreview } });
      } catch (err) {
        if ((err as Error).name !== 'AbortError') setResult({ key, value: { state: 'error', outside: false, message: 'Could not reach Fixnado. Check your connection and try again.' } });
      }
    })();
    return () => ctrl.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, serviceId]);
  if (!point) return { state: 'idle' };
  if (!result || result.key !== key) return { state: 'loading' };
  return result.value;
}

// ---- location ---------------------------------------------------------------------------------

type Coverage = { state: 'idle' } | { state: 'loading' } | { state: 'covered' | 'not_covered' | 'error' };

/** Whether the provider is among those GET /api/v1/geo/match finds serving the point. */
function useCoverage(providerOrgId: string, point: { lon: number; lat: number } | null): Coverage {
  const [result, setResult] = useState<{ key: string; value: Coverage } | null>(null);
  const key = point ? `${point.lon},${point.lat}` : '';
  useEffect(() => {
    if (!point) return;
    const ctrl = new AbortController();
    (async () => {
      try {
        const res = await fetch(`/api/v1/geo/match?lon=${point.lon}&lat=${point.lat}`, { signal: ctrl.signal });
        if (!res.ok) throw new Error(String(res.status));
        const body = (await res.json()) as { providers: Array<{ orgId: string }>; fallback: boolean };
        setResult({ key, value: { state: !body.fallback && body.providers.some((p) => p.orgId === providerOrgId) ? 'covered' : 'not_covered' } });
      } catch (err) {
        if ((err as Error).name !== 'AbortError') setResult({ key, value: { state: 'error' } });
      }
    })();
    return () => ctrl.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, providerOrgId]);
  if (!point) return { state: 'idle' };
  if (!result || result.key !== key) return { state: 'loading' };
  return result.value;
}

function LocationStep({
  heading,
  service,
  point,
  place,
  addressId,
  addresses,
  mapConfig,
  quote,
  onPick,
  onBack,
  onNext,
}: {
  heading: ReactNode;
  service: WizardService;
  point: { lon: number; lat: number } | null;
  place: string | null;
  addressId: string | null;
  addresses: WizardAddress[];
  mapConfig: MapClientConfig;
  quote: QuoteState;
  onPick: (p: { lon: number; lat: number; place: string; addressId?: string; addressLine?: string }) => void;
  onBack: () => void;
  onNext: () => void;
}) {
  const coverage = useCoverage(service.providerOrgId, point);
  // The match answer and the quote's own coverage check agree; either "no" stops the step.
  const quoteCovered = quote.state === 'ok' ? quote.quote.covered : null;
  const covered = coverage.state === 'covered' && quoteCovered !== false;
  const checking = coverage.state === 'loading' || quote.state === 'loading';
  let status = '';
  if (point && !checking) {
    if (quote.state === 'error') status = quote.message;
    else if (covered && quote.state === 'ok') status = `${service.providerName} covers this address (${quote.quote.zone.name}).`;
    else if (coverage.state === 'error') status = 'We could not check this address. Try again.';
    else status = `${service.providerName} does not cover this address for this service. Choose another address, or another provider.`;
  }
  return (
    <StepForm heading={heading} onSubmit={onNext} submitLabel="Choose a time" onBack={onBack} canSubmit={!!point && covered}>
      <div className="grid gap-2">
        <p className="text-sm font-medium" id="place-search-label">
          Search a place or postcode
        </p>
        <PlaceSearch onChoose={(p) => onPick({ lon: p.lon, lat: p.lat, place: p.name })} />
      </div>

      {addresses.length ? (
        <fieldset className="grid gap-2">
          <legend className="mb-1 text-sm font-medium">Or use a saved address</legend>
          {addresses.map((a) => (
            <label key={a.id} className="flex min-h-10 cursor-pointer items-start gap-3 rounded-md border p-3 has-checked:border-primary">
              <input
                type="radio"
                name="savedAddress"
                className="mt-1 size-4"
                checked={addressId === a.id}
                onChange={() => onPick({ lon: a.lon, lat: a.lat, place: a.label, addressId: a.id, addressLine: a.addressLine })}
              />
              <span className="grid text-sm">
                <span className="font-medium">{a.label}</span>
                <span className="text-muted">{a.addressLine}</span>
              </span>
            </label>
          ))}
        </fieldset>
      ) : null}

      <div className="grid gap-2">
        <p className="text-sm font-medium">Or click the map to drop a pin</p>
        <LocationMap config={mapConfig} point={point} onPick={(p) => onPick({ ...p, place: `Pinned point ${p.lat.toFixed(4)}, ${p.lon.toFixed(4)}` })} />
      </div>

      <div aria-live="polite" className="min-h-6 text-sm" data-testid="coverage-status">
        {point ? (
          <p className="flex items-start gap-2">
            <MapPin aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
            <span>
              <span className="font-medium">{place ?? 'Chosen point'}</span>
              {checking ? (
                <span className="text-muted"> — checking coverage…</span>
              ) : (
                <span className={covered ? ' text-success' : ' text-danger'}> — {status}</span>
              )}
            </span>
          </p>
        ) : (
          <p className="text-muted">No location chosen yet.</p>
        )}
      </div>
    </StepForm>
  );
}

// ---- when -------------------------------------------------------------------------------------

function WhenStep({
  heading,
  service,
  type,
  at,
  quote,
  onChange,
  onBack,
  onNext,
  missingPoint,
  onFixPoint,
}: {
  heading: ReactNode;
  service: WizardService;
  type: 'scheduled' | 'on_demand';
  at: string | null;
  quote: QuoteState;
  onChange: (c: Record<string, string | null>) => void;
  onBack: () => void;
  onNext: () => void;
  missingPoint: boolean;
  onFixPoint: () => void;
}) {
  const timeZone = quote.state === 'ok' ? quote.quote.zone.timeZone : null;
  const zoneName = quote.state === 'ok' ? quote.quote.zone.name : '';
  const canSubmit = type === 'on_demand' || !!at;
  if (missingPoint) {
    return (
      <StepForm heading={heading} onSubmit={onFixPoint} submitLabel="Choose the location" onBack={onBack}>
        <p className="text-sm">Choose where the job is first: times depend on the location.</p>
      </StepForm>
    );
  }
  return (
    <StepForm heading={heading} onSubmit={onNext} submitLabel="Add details" onBack={onBack} canSubmit={canSubmit}>
      {service.acceptsOnDemand ? (
        <fieldset className="grid gap-2">
          <legend className="mb-1 text-sm font-medium">Booking type</legend>
          <div className="grid gap-2 sm:grid-cols-2">
            <label className="flex min-h-10 cursor-pointer items-start gap-3 rounded-md border p-3 has-checked:border-primary">
              <input type="radio" name="type" className="mt-1 size-4" checked={type === 'on_demand'} onChange={() => onChange({ type: 'on_demand', at: null })} />
              <span className="grid text-sm">
                <span className="font-medium">As soon as possible</span>
                <span className="text-muted">The next free crew member is sent to you.</span>
              </span>
            </label>
            <label className="flex min-h-10 cursor-pointer items-start gap-3 rounded-md border p-3 has-checked:border-primary">
              <input type="radio" name="type" className="mt-1 size-4" checked={type === 'scheduled'} onChange={() => onChange({ type: 'scheduled' })} />
              <span className="grid text-sm">
                <span className="font-medium">Pick a time</span>
                <span className="text-muted">From the crew’s real availability.</span>
              </span>
            </label>
          </div>
        </fieldset>
      ) : (
        <p className="text-sm text-muted">{service.providerName} takes scheduled bookings only: pick a time.</p>
      )}

      {type === 'scheduled' ? (
        quote.state === 'error' ? (
          <FormError message={quote.message} />
        ) : timeZone ? (
          <SlotPicker serviceId={service.id} timeZone={timeZone} zoneName={zoneName} value={at} onChange={(v) => onChange({ at: v })} />
        ) : (
          <SlotSkeleton />
        )
      ) : null}
    </StepForm>
  );
}

function SlotSkeleton() {
  return (
    <div className="grid gap-3">
      <Spinner label="Loading available times" />
      <Skeleton className="h-6 w-40" />
      <div className="flex flex-wrap gap-2">
        {Array.from({ length: 6 }, (_, i) => (
          <Skeleton key={i} className="h-10 w-20" />
        ))}
      </div>
    </div>
  );
}

function todayIn(timeZone: string, plusDays = 0): string {
  const d = new Date(Date.now() + plusDays * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
}

/** Slots from GET /api/v1/services/{id}/slots, grouped by calendar day in the job location's zone. */
export function SlotPicker({
  serviceId,
  timeZone,
  zoneName,
  value,
  onChange,
}: {
  serviceId: string;
  timeZone: string;
  zoneName: string;
  value: string | null;
  onChange: (startsAt: string) => void;
}) {
  const [week, setWeek] = useState(0);
  // Checked at once; the parent's value (the URL) catches up a moment later.
  const [picked, setPicked] = useState<string | null>(null);
  const selected = picked ?? value;
  const [data, setData] = useState<{ key: string; days?: Array<{ date: string; slots: Slot[] }>; error?: string } | null>(null);
  const [reload, setReload] = useState(0);
  const key = `${serviceId}|${timeZone}|${week}|${reload}`;
  useEffect(() => {
    const ctrl = new AbortController();
    (async () => {
      try {
        const from = todayIn(timeZone, week * 7);
        const res = await fetch(`/api/v1/services/${serviceId}/slots?from=${from}&days=7&timeZone=${encodeURIComponent(timeZone)}`, { signal: ctrl.signal });
        const body = await res.json();
        if (!res.ok) throw new Error(body?.detail ?? 'Times could not be loaded.');
        setData({ key, days: body.days });
      } catch (err) {
        if ((err as Error).name !== 'AbortError') setData({ key, error: (err as Error).message || 'Times could not be loaded.' });
      }
    })();
    return () => ctrl.abort();
  }, [key, serviceId, timeZone, week]);

  const loading = !data || data.key !== key;
  const days = (data?.days ?? []).filter((d) => d.slots.length > 0);
  return (
    <div className="grid gap-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-muted" data-testid="slot-zone">
          Times in {timeZone.replace(/_/g, ' ')}
          {zoneName ? ` (${zoneName})` : ''}
        </p>
        <div className="flex gap-2">
          <Button type="button" size="sm" variant="secondary" disabled={week === 0 || loading} onClick={() => setWeek((w) => w - 1)}>
            Earlier
          </Button>
          <Button type="button" size="sm" variant="secondary" disabled={week >= 1 || loading} onClick={() => setWeek((w) => w + 1)}>
            Next week
          </Button>
        </div>
      </div>
      <div aria-live="polite" className="sr-only">
        {loading ? 'Loading available times…' : data?.error ? data.error : `${days.reduce((n, d) => n + d.slots.length, 0)} times available.`}
      </div>
      {loading ? (
        <SlotSkeleton />
      ) : data?.error ? (
        <div className="grid justify-items-start gap-2">
          <FormError message={data.error} />
          <Button type="button" variant="secondary" size="sm" onClick={() => setReload((r) => r + 1)}>
            Try again
          </Button>
        </div>
      ) : days.length === 0 ? (
        <p className="text-sm">No free times in these 7 days. Try the next week, or book as soon as possible if offered.</p>
      ) : (
        <fieldset className="grid gap-4">
          <legend className="sr-only">Available times</legend>
          {days.map((d) => (
            <div key={d.date} className="grid gap-2">
              <h3 className="text-sm font-semibold">{formatLocalDate(d.date)}</h3>
              <div className="flex flex-wrap gap-2">
                {d.slots.map((s) => (
                  <label
                    key={s.startsAt}
                    className="relative inline-flex min-h-10 min-w-20 cursor-pointer items-center justify-center rounded-md border px-3 text-sm tabular-nums has-checked:border-primary has-checked:bg-primary has-checked:text-primary-fg has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-ring"
                  >
                    <input type="radio" name="slot" value={s.startsAt} className="sr-only" checked={selected === s.startsAt}
                      onChange={() => {
                        setPicked(s.startsAt);
                        onChange(s.startsAt);
                      }}
                    />
                    {timeInZone(s.startsAt, timeZone)}
                    <span className="sr-only">, {formatLocalDate(d.date)}</span>
                  </label>
                ))}
              </div>
            </div>
          ))}
        </fieldset>
      )}
    </div>
  );
}

// ---- details ----------------------------------------------------------------------------------

function DetailsStep({
  heading,
  type,
  initial,
  fromSavedAddress,
  onBack,
  onNext,
}: {
  heading: ReactNode;
  type: 'scheduled' | 'on_demand';
  initial: { line: string; notes: string; repeat: string; count: string };
  fromSavedAddress: boolean;
  onBack: () => void;
  onNext: (v: Record<string, string | null>) => void;
}) {
  const [line, setLine] = useState(initial.line);
  const [notes, setNotes] = useState(initial.notes);
  const [repeat, setRepeat] = useState(initial.repeat);
  const [count, setCount] = useState(initial.count);
  const [errors, setErrors] = useState<Record<string, string>>({});
  return (
    <StepForm
      heading={heading}
      onBack={onBack}
      submitLabel="Review"
      onSubmit={() => {
        const e: Record<string, string> = {};
        if (line.trim().length < 3) e.line = 'Enter the address (at least 3 characters).';
        if (notes.length > 2000) e.notes = 'Notes must be at most 2000 characters.';
        const n = Number(count);
        if (repeat && (!Number.isInteger(n) || n < 2 || n > 12)) e.count = 'Choose between 2 and 12 visits.';
        setErrors(e);
        if (Object.keys(e).length) return;
        onNext({ line: line.trim(), notes: notes.trim() || null, repeat: repeat || null, count: repeat ? String(n) : null });
      }}
    >
      <FormField label="Address" name="line" required error={errors.line} description={fromSavedAddress ? 'From your saved address; the crew sees this.' : 'House number, street and flat, as the crew should see it.'}>
        <Input value={line} onChange={(e) => setLine(e.target.value)} autoComplete="street-address" maxLength={300} />
      </FormField>
      <FormField label="Notes for the crew (optional)" name="notes" error={errors.notes} description="Access, parking, what is wrong.">
        <Textarea value={notes} onChange={(e) => setNotes(e.target.value)} rows={3} maxLength={2000} />
      </FormField>
      {type === 'scheduled' ? (
        <div className="grid gap-4 sm:grid-cols-2">
          <FormField label="Repeat" name="repeat">
            <Select value={repeat} onChange={(e) => setRepeat(e.target.value)}>
              <option value="">Just once</option>
              <option value="week">Every week</option>
              <option value="fortnight">Every fortnight</option>
            </Select>
          </FormField>
          {repeat ? (
            <FormField label="Number of visits" name="count" error={errors.count} description="2 to 12, each a booking of its own.">
              <Input type="number" inputMode="numeric" min={2} max={12} value={count} onChange={(e) => setCount(e.target.value)} />
            </FormField>
          ) : null}
        </div>
      ) : null}
    </StepForm>
  );
}

// ---- review -----------------------------------------------------------------------------------

function ReviewStep({
  heading,
  service,
  params,
  point,
  type,
  at,
  signedIn,
  isCustomer,
  onBack,
  go,
}: {
  heading: ReactNode;
  service: WizardService;
  params: URLSearchParams | ReturnType<typeof useSearchParams>;
  point: { lon: number; lat: number } | null;
  type: 'scheduled' | 'on_demand';
  at: string | null;
  signedIn: boolean;
  isCustomer: boolean;
  onBack: () => void;
  go: (changes: Record<string, string | null>, opts?: { replace?: boolean }) => void;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const quote = useQuote(service.id, point, type);
  const [pending, startTransition] = useTransition();
  const [failure, setFailure] = useState<{ message: string; fieldErrors?: Record<string, string[]>; conflict?: boolean } | null>(null);
  const [alternatives, setAlternatives] = useState<{ state: 'loading' | 'ok' | 'error'; slots: Slot[] } | null>(null);
  const errorRef = useRef<HTMLDivElement>(null);
  const pm = params.get('pm') ?? TEST_CARDS[0].id;
  const line = params.get('line') ?? '';
  const repeat = params.get('repeat');
  const count = params.get('count');
  const timeZone = quote.state === 'ok' ? quote.quote.zone.timeZone : null;
  // A series: each visit's start in the zone, by the same rule createBooking uses for the series.
  const seriesEvery = type === 'scheduled' && (repeat === 'week' || repeat === 'fortnight') ? repeat : null;
  const seriesCount = seriesEvery && count && /^\d+$/.test(count) ? Number(count) : 0;
  const visits = seriesEvery && seriesCount >= SERIES_MIN_VISITS && seriesCount <= SERIES_MAX_VISITS && at && timeZone ? seriesVisits(at, timeZone, seriesEvery, seriesCount) : [];

  const missing: Array<{ step: StepKey; text: string }> = [];
  if (!point) missing.push({ step: 'location', text: 'Choose the location.' });
  if (type === 'scheduled' && !at) missing.push({ step: 'when', text: 'Choose a time.' });
  if (line.trim().length < 3) missing.push({ step: 'details', text: 'Enter the address.' });

  const callbackUrl = `${pathname}?${params.toString()}`;

  const loadAlternatives = async () => {
    if (!at) return;
    setAlternatives({ state: 'loading', slots: [] });
    try {
      const res = await fetch(`/api/v1/services/${service.id}/alternatives?near=${encodeURIComponent(at)}&limit=5${timeZone ? `&timeZone=${encodeURIComponent(timeZone)}` : ''}`);
      if (!res.ok) throw new Error(String(res.status));
      const body = (await res.json()) as { slots: Slot[] };
      setAlternatives({ state: 'ok', slots: body.slots });
    } catch {
      setAlternatives({ state: 'error', slots: [] });
    }
  };

  const confirm = () => {
    if (!point || missing.length) return;
    setFailure(null);
    startTransition(async () => {
      const { toast } = await import('@/components/ui/toast');
      const input: Record<string, unknown> = {
        serviceId: service.id,
        type,
        ...(type === 'scheduled' && at ? { startsAt: at } : {}),
        paymentMethod: pm,
        idempotencyKey: params.get('key') ?? undefined,
        notes: params.get('notes') ?? undefined,
        ...(params.get('addr') ? { savedAddressId: params.get('addr') } : { location: point, addressLine: line }),
        ...(type === 'scheduled' && repeat && count ? { recurrence: { every: repeat, count: Number(count) } } : {}),
      };
      // A saved address supplies its own line; an edited line travels with the point instead.
      if (params.get('addr') && line) {
        delete input.savedAddressId;
        input.location = point;
        input.addressLine = line;
      }
      let result: Awaited<ReturnType<typeof createBookingAction>>;
      try {
        result = await createBookingAction(input);
      } catch {
        setFailure({ message: 'Could not reach Fixnado. Nothing was booked; check your connection and try again.' });
        return;
      }
      if (result.ok) {
        const { booking, payment, seriesBookingIds } = result.data;
        if (payment.status === 'requires_action' && payment.nextActionUrl) {
          toast.info('Your bank asks you to confirm the payment.');
          window.location.assign(payment.nextActionUrl);
          return;
        }
        toast.success(seriesBookingIds.length > 1 ? `Booked ${seriesBookingIds.length} visits (${booking.reference})` : `Booked: ${booking.reference}`);
        router.push(`/account/bookings/${booking.id}`);
        return;
      }
      const err = result.error;
      // Nothing was created: a fresh key lets the next try (another slot, another card) go through.
      go({ key: crypto.randomUUID() }, { replace: true });
      if (err.code === 'CONFLICT') {
        setFailure({ message: err.message, conflict: true });
        void loadAlternatives();
      } else if (err.code === 'UNAUTHENTICATED') {
        router.push(`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`);
        return;
      } else {
        setFailure({ message: err.message, fieldErrors: err.fieldErrors as Record<string, string[]> | undefined });
      }
      requestAnimationFrame(() => errorRef.current?.focus());
    });
  };

  return (
    <StepForm
      heading={heading}
      onBack={onBack}
      onSubmit={confirm}
      submitLabel={
        quote.state !== 'ok'
          ? 'Confirm and pay'
          : visits.length > 1
            ? `Confirm ${visits.length} visits, ${formatMinor(quote.quote.totalMinor, quote.quote.currency)} each`
            : `Confirm and pay ${formatMinor(quote.quote.totalMinor, quote.quote.currency)}`
      }
      canSubmit={signedIn && isCustomer && missing.length === 0 && quote.state === 'ok' && quote.quote.covered}
      pending={pending}
    >
      <div ref={errorRef} tabIndex={-1} className="grid gap-3 outline-none empty:hidden">
        {failure ? (
          <div className="grid gap-3 rounded-md border border-danger/40 bg-danger-soft p-3 text-sm" role="alert" data-testid="booking-error">
            <p className="font-medium">{failure.message}</p>
            {failure.fieldErrors ? (
              <ul className="list-disc ps-5">
                {Object.entries(failure.fieldErrors).map(([k, v]) => (
                  <li key={k}>
                    {fieldName(k)}: {v.join(', ')}
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
        {failure?.conflict ? (
          <div className="grid gap-2" data-testid="alternatives">
            <h3 className="text-sm font-semibold">Other times nearby</h3>
            {alternatives?.state === 'loading' ? <Spinner label="Loading other times" /> : null}
            {alternatives?.state === 'error' ? (
              <p className="text-sm">
                Other times could not be loaded.{' '}
                <button type="button" className="text-link underline" onClick={() => go({ step: 'when', at: null })}>
                  Pick another time
                </button>
              </p>
            ) : null}
            {alternatives?.state === 'ok' && alternatives.slots.length === 0 ? <p className="text-sm">No other free times soon. Try another day.</p> : null}
            {alternatives?.state === 'ok' && alternatives.slots.length ? (
              <div className="flex flex-wrap gap-2">
                {alternatives.slots.map((s) => (
                  <Button
                    key={s.startsAt}
                    type="button"
                    variant="secondary"
                    size="sm"
                    onClick={() => {
                      setFailure(null);
                      setAlternatives(null);
                      go({ at: s.startsAt, key: crypto.randomUUID() }, { replace: true });
                    }}
                  >
                    {timeZone ? formatInZone(s.startsAt, timeZone) : s.startsAt}
                  </Button>
                ))}
              </div>
            ) : null}
          </div>
        ) : null}
      </div>

      {missing.length ? (
        <div className="grid gap-1 text-sm" role="status">
          <p className="font-medium">Before you can book:</p>
          <ul className="list-disc ps-5">
            {missing.map((m) => (
              <li key={m.step}>
                <button type="button" className="text-link underline" onClick={() => go({ step: m.step })}>
                  {m.text}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      <dl className="grid gap-3 text-sm sm:grid-cols-2">
        <Fact label="Service">
          {service.title} · {service.providerName}
        </Fact>
        <Fact label="When">
          {type === 'on_demand' ? 'As soon as possible' : at && timeZone ? formatInZone(at, timeZone) : at ? '…' : 'Not chosen'}
          {repeat && count ? ` · ${count} visits, every ${repeat}` : ''}
        </Fact>
        <Fact label="Where">{line || params.get('place') || 'Not chosen'}</Fact>
        {params.get('notes') ? <Fact label="Notes">{params.get('notes')}</Fact> : null}
      </dl>

      <section className="grid gap-2" aria-labelledby="price-heading">
        <h3 id="price-heading" className="text-base font-semibold">
          Price
        </h3>
        {quote.state === 'ok' ? (
          <>
            <PriceBreakdown lines={quote.quote.lines} currency={quote.quote.currency} caption={visits.length > 1 ? 'Price breakdown per visit' : undefined} />
            {visits.length > 1 && seriesEvery && timeZone ? (
              <SeriesSummary perVisitMinor={quote.quote.totalMinor} currency={quote.quote.currency} every={seriesEvery} visits={visits} timeZone={timeZone} />
            ) : null}
          </>
        ) : quote.state === 'error' ? (
          <FormError message={quote.message} />
        ) : (
          <div className="grid gap-2">
            <Spinner label="Working out the price" />
            <Skeleton className="h-24 w-full" />
          </div>
        )}
      </section>

      <section className="grid gap-2" aria-labelledby="terms-heading">
        <h3 id="terms-heading" className="text-base font-semibold">
          Cancellation terms
        </h3>
        <CancellationTerms
          type={type}
          totalMinor={quote.state === 'ok' ? quote.quote.totalMinor : undefined}
          currency={quote.state === 'ok' ? quote.quote.currency : undefined}
          visits={visits.length || 1}
        />
      </section>

      <fieldset className="grid gap-2">
        <legend className="mb-1 text-base font-semibold">Payment method</legend>
        {TEST_CARDS.map((c) => (
          <label key={c.id} className="flex min-h-10 cursor-pointer items-start gap-3 rounded-md border p-3 has-checked:border-primary">
            <input type="radio" name="paymentMethod" value={c.id} className="mt-1 size-4" checked={pm === c.id} onChange={() => go({ pm: c.id }, { replace: true })} />
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

      {!signedIn ? (
        <div className="grid gap-2 rounded-md border p-3 text-sm">
          <p>Sign in to confirm the booking. Your choices are kept.</p>
          <Link className={buttonClasses({ className: 'justify-self-start' })} href={`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`}>
            Sign in to book
          </Link>
        </div>
      ) : !isCustomer ? (
        <p className="rounded-md border p-3 text-sm">Bookings are made from a customer account. Sign in as a customer to book.</p>
      ) : null}
    </StepForm>
  );
}

function fieldName(k: string): string {
  const names: Record<string, string> = {
    startsAt: 'Time',
    location: 'Location',
    addressLine: 'Address',
    paymentMethod: 'Payment method',
    savedAddressId: 'Saved address',
    type: 'Booking type',
    notes: 'Notes',
    serviceId: 'Service',
  };
  return names[k] ?? (k.startsWith('recurrence') ? 'Repeat' : k);
}
