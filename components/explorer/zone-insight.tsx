'use client';

import { ArrowLeft, RotateCcw, TriangleAlert } from 'lucide-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { demandColours } from '@/components/geo/map-style';
import { plainButtonClasses } from '@/components/ui/button-variants';
import type { ZoneInsight as ZoneInsightData, ZoneSla } from '@/lib/geo/types';
import { londonDateTime, plural, relativeAge } from './format';

/**
 * A zone's insight panel: the latest analytics snapshot and its age, SLA targets and breaches,
 * services offered and inventory matches. Focus moves to the heading when it opens (the owner
 * returns focus to whatever opened it on close); Escape closes it.
 */

type Load = { state: 'error'; notFound: boolean } | { state: 'ready'; data: ZoneInsightData };

const slaRows: Array<{ key: keyof Omit<ZoneSla, 'overridden'>; label: string }> = [
  { key: 'acceptanceOnDemandMinutes', label: 'Accepted (on demand)' },
  { key: 'acceptanceScheduledMinutes', label: 'Accepted (scheduled)' },
  { key: 'arrivalMinutes', label: 'Crew arrives' },
  { key: 'completionMinutes', label: 'Job completed' },
];

const statusLabel: Record<string, string> = {
  pending: 'Pending',
  awaiting_assignment: 'Awaiting crew',
  scheduled: 'Scheduled',
  in_progress: 'In progress',
  completed: 'Completed',
  cancelled: 'Cancelled',
  disputed: 'Disputed',
};

function minutes(n: number): string {
  if (n < 60) return `${n} min`;
  const h = Math.floor(n / 60);
  const m = n % 60;
  return m ? `${h} h ${m} min` : `${h} h`;
}

export function ZoneInsight({ zoneId, onClose, focusOnOpen }: { zoneId: string; onClose: () => void; focusOnOpen: boolean }) {
  const [attempt, setAttempt] = useState(0);
  // Keyed by zone + attempt: a result for another zone (or an earlier try) reads as "loading".
  const key = `${zoneId}#${attempt}`;
  const [settled, setSettled] = useState<{ key: string; load: Load } | null>(null);
  const load: Load | { state: 'loading' } = settled?.key === key ? settled.load : { state: 'loading' };
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    const ctrl = new AbortController();
    const done = (l: Load) => setSettled({ key, load: l });
    fetch(`/api/v1/geo/insight/${encodeURIComponent(zoneId)}`, { signal: ctrl.signal })
      .then(async (res) => {
        if (!res.ok) return done({ state: 'error', notFound: res.status === 404 });
        done({ state: 'ready', data: (await res.json()) as ZoneInsightData });
      })
      .catch((err) => {
        if ((err as Error).name !== 'AbortError') done({ state: 'error', notFound: false });
      });
    return () => ctrl.abort();
  }, [zoneId, key]);

  useEffect(() => {
    if (focusOnOpen) heading.current?.focus();
  }, [zoneId, focusOnOpen]);

  const onKeyDown = useCallback(
    (e: React.KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.stopPropagation();
        onClose();
      }
    },
    [onClose],
  );

  const data = load.state === 'ready' ? load.data : null;
  const m = data?.metrics ?? null;
  const asOf = m ? (m.lastRunAt ?? m.computedAt) : null;
  const bookings = m ? Object.entries(m.bookingsByStatus).filter(([, n]) => n > 0) : [];

  return (
    <section aria-labelledby="zone-insight-title" data-testid="zone-insight" onKeyDown={onKeyDown} className="grid gap-4">
      <div>
        <button type="button" onClick={onClose} className={plainButtonClasses({ variant: 'ghost', size: 'sm' })}>
          <ArrowLeft aria-hidden />
          Back to results
        </button>
      </div>
      <h2 id="zone-insight-title" ref={heading} tabIndex={-1} className="text-xl font-semibold">
        {data ? data.zone.name : load.state === 'error' ? 'Zone insight' : 'Loading zone…'}
      </h2>

      {load.state === 'loading' ? (
        <div role="status" className="grid animate-pulse gap-2">
          <span className="sr-only">Loading zone insight…</span>
          <div aria-hidden className="h-4 w-2/3 rounded bg-surface-muted" />
          <div aria-hidden className="h-24 rounded bg-surface-muted" />
        </div>
      ) : null}

      {load.state === 'error' ? (
        <div className="grid justify-items-start gap-2 rounded-lg border border-danger bg-danger-soft p-4">
          <p role="alert" className="flex items-start gap-2 text-sm text-danger-soft-fg">
            <TriangleAlert aria-hidden className="mt-0.5 size-4 shrink-0" />
            {load.notFound ? 'This zone is not open to the public any more.' : 'The zone insight could not load.'}
          </p>
          {load.notFound ? null : (
            <button type="button" onClick={() => setAttempt((a) => a + 1)} className={plainButtonClasses({ variant: 'secondary', size: 'sm' })}>
              <RotateCcw aria-hidden />
              Try again
            </button>
          )}
        </div>
      ) : null}

      {data ? (
        <>
          <p className="flex flex-wrap items-center gap-2 text-sm">
            <span className="inline-flex items-center gap-1.5 rounded-full border border-border px-2 py-0.5 font-medium">
              <span aria-hidden className="size-2.5 rounded-full" style={{ backgroundColor: demandColours[data.zone.demandLevel] }} />
              {data.zone.demandLevel[0].toUpperCase() + data.zone.demandLevel.slice(1)} demand
            </span>
            <span className="text-muted">
              {data.zone.timeZone} · {data.zone.currency}
            </span>
          </p>

          {asOf ? (
            <p className="text-sm text-muted" data-testid="insight-age">
              Updated {relativeAge(asOf)} · <time dateTime={asOf}>{londonDateTime(asOf)}</time>
            </p>
          ) : (
            <p className="rounded-md border border-dashed border-border px-3 py-2 text-sm text-muted" data-testid="insight-age">
              No analytics yet for this zone — figures appear after the next scheduled snapshot.
            </p>
          )}

          {m ? (
            <dl className="grid grid-cols-2 gap-2 text-sm sm:grid-cols-3">
              <Stat label="Active providers" value={m.activeProviders.toLocaleString('en-GB')} />
              <Stat label="Services offered" value={m.activeServices.toLocaleString('en-GB')} />
              <Stat label="Inventory matches" value={m.inventoryMatches.toLocaleString('en-GB')} />
              <Stat label="SLA breaches" value={m.slaBreaches.toLocaleString('en-GB')} tone={m.slaBreaches > 0 ? 'danger' : undefined} />
              <Stat label="Open requests" value={m.openDemand.toLocaleString('en-GB')} />
              <Stat label="Supply ÷ demand" value={m.supplyDemandRatioBp === null ? '—' : (m.supplyDemandRatioBp / 10000).toFixed(2)} />
              <Stat label="Mean time to accept" value={m.meanMinutesToAcceptance === null ? '—' : minutes(Math.round(m.meanMinutesToAcceptance))} />
            </dl>
          ) : null}

          {bookings.length ? (
            <div className="grid gap-1">
              <h3 className="text-sm font-semibold">Bookings by status</h3>
              <ul className="flex flex-wrap gap-1.5 text-xs">
                {bookings.map(([s, n]) => (
                  <li key={s} className="rounded-sm bg-surface-muted px-1.5 py-0.5">
                    {statusLabel[s] ?? s}: {n.toLocaleString('en-GB')}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}

          <div className="grid gap-1">
            <h3 className="text-sm font-semibold">Service targets</h3>
            <table className="w-full text-sm">
              <caption className="sr-only">Service-level targets in this zone</caption>
              <tbody>
                {slaRows.map((r) => (
                  <tr key={r.key} className="border-b border-border last:border-0">
                    <th scope="row" className="py-1.5 text-left font-normal text-muted">
                      {r.label}
                    </th>
                    <td className="py-1.5 text-right">
                      within {minutes(data.zone.sla[r.key])}
                      {data.zone.sla.overridden.includes(r.key) ? <span className="text-muted"> (zone)</span> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>

          <div className="grid gap-1">
            <h3 className="text-sm font-semibold">Services offered here</h3>
            {data.services.length === 0 ? (
              <p className="text-sm text-muted">No provider covers this zone yet.</p>
            ) : (
              <ul className="grid gap-1 text-sm">
                {data.services.map((s) => (
                  <li key={s.categorySlug} className="flex justify-between gap-2">
                    <span>{s.categoryName}</span>
                    <span className="text-muted">{plural(s.providers, 'provider')}</span>
                  </li>
                ))}
              </ul>
            )}
          </div>
        </>
      ) : null}
    </section>
  );
}

function Stat({ label, value, tone }: { label: string; value: string; tone?: 'danger' }) {
  return (
    <div className="rounded-md border border-border bg-surface p-2">
      <dt className="text-xs text-muted">{label}</dt>
      <dd className={`text-lg font-semibold ${tone === 'danger' ? 'text-danger' : ''}`}>{value}</dd>
    </div>
  );
}
