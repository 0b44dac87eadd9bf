'use client';

import { useRef, useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { Plus, Save, Trash2 } from 'lucide-react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { FormError } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import type { DemandLevel, ZoneStatus } from '@/lib/geo/types';
import { setCoverageAction } from '@/lib/geo/zone-actions';
import { demandTone, statusTone } from './format';
import { errorsFor } from './geojson-text';

export interface CoverageZoneInput {
  zoneId: string;
  zoneName: string;
  ownerKind: 'platform' | 'provider';
  status: ZoneStatus;
  demandLevel: DemandLevel;
  timeZone: string;
  entries: Array<{ serviceId: string; priority: number; effectiveFrom: string; effectiveTo: string | null; inEffect: boolean }>;
}

export interface CandidateZone {
  id: string;
  name: string;
  ownerKind: 'platform' | 'provider';
  status: ZoneStatus;
  demandLevel: DemandLevel;
  timeZone: string;
}

interface Row {
  serviceId: string;
  on: boolean;
  priority: string;
  from: string;
  to: string;
  /** The stored instants, resent unchanged when the date field was not edited (keeps times of day). */
  storedFrom: string | null;
  storedTo: string | null;
  inEffect: boolean;
}

/** The calendar date of an instant in a zone's time zone (YYYY-MM-DD). */
function localDate(iso: string, timeZone: string): string {
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
  } catch {
    return iso.slice(0, 10);
  }
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function CoverageEditor({
  zones,
  services,
  candidates,
  today,
}: {
  zones: CoverageZoneInput[];
  services: Array<{ id: string; title: string }>;
  candidates: CandidateZone[];
  today: string;
}) {
  const [added, setAdded] = useState<CoverageZoneInput[]>([]);
  const covered = new Set([...zones, ...added].map((z) => z.zoneId));
  const all = [...zones, ...added.filter((a) => !zones.some((z) => z.zoneId === a.zoneId))];

  function add(c: CandidateZone) {
    setAdded((a) => [...a, { zoneId: c.id, zoneName: c.name, ownerKind: c.ownerKind, status: c.status, demandLevel: c.demandLevel, timeZone: c.timeZone, entries: [] }]);
    requestAnimationFrame(() => document.getElementById(`coverage-${c.id}`)?.focus());
  }

  return (
    <div className="grid gap-6">
      {candidates.length ? (
        <section aria-labelledby="candidates-heading" className="grid gap-2">
          <h3 id="candidates-heading" className="text-base font-semibold">
            Matching zones
          </h3>
          <ul className="grid gap-2 sm:grid-cols-2">
            {candidates.map((c) => (
              <li key={c.id} className="flex flex-wrap items-center justify-between gap-2 rounded-md border p-2">
                <span className="flex flex-wrap items-center gap-2">
                  <span className="font-medium">{c.name}</span>
                  <Badge tone={demandTone[c.demandLevel]}>{cap(c.demandLevel)} demand</Badge>
                  {c.ownerKind === 'provider' ? <Badge>Your area</Badge> : null}
                </span>
                {covered.has(c.id) ? (
                  <span className="text-sm text-muted">Already listed below</span>
                ) : (
                  <Button size="sm" variant="secondary" onClick={() => add(c)}>
                    <Plus aria-hidden="true" />
                    Add<span className="sr-only"> {c.name}</span> to coverage
                  </Button>
                )}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {all.length === 0 ? (
        <p className="rounded-lg border p-4 text-sm text-muted">
          You do not serve any zone yet. Search for a zone above and add it, then choose the services you offer there.
        </p>
      ) : (
        <div className="grid gap-4">
          {all.map((z) => (
            <ZoneCoverageCard key={z.zoneId} zone={z} services={services} today={today} onRemoved={() => setAdded((a) => a.filter((x) => x.zoneId !== z.zoneId))} />
          ))}
        </div>
      )}
    </div>
  );
}

function ZoneCoverageCard({
  zone,
  services,
  today,
  onRemoved,
}: {
  zone: CoverageZoneInput;
  services: Array<{ id: string; title: string }>;
  today: string;
  onRemoved: () => void;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<{ message: string; fieldErrors: Record<string, string[]> } | null>(null);
  const errorRef = useRef<HTMLDivElement>(null);
  const [rows, setRows] = useState<Row[]>(() =>
    services.map((s) => {
      const e = zone.entries.find((x) => x.serviceId === s.id);
      return e
        ? {
            serviceId: s.id,
            on: true,
            priority: String(e.priority),
            from: localDate(e.effectiveFrom, zone.timeZone),
            to: e.effectiveTo ? localDate(e.effectiveTo, zone.timeZone) : '',
            storedFrom: e.effectiveFrom,
            storedTo: e.effectiveTo,
            inEffect: e.inEffect,
          }
        : { serviceId: s.id, on: false, priority: '1', from: today, to: '', storedFrom: null, storedTo: null, inEffect: false };
    }),
  );
  const update = (id: string, patch: Partial<Row>) => setRows((rs) => rs.map((r) => (r.serviceId === id ? { ...r, ...patch } : r)));

  function entriesOf(rs: Row[]) {
    return rs
      .filter((r) => r.on)
      .map((r) => ({
        serviceId: r.serviceId,
        priority: Number(r.priority),
        effectiveFrom: r.storedFrom && localDate(r.storedFrom, zone.timeZone) === r.from ? r.storedFrom : r.from,
        effectiveTo: r.to === '' ? null : r.storedTo && localDate(r.storedTo, zone.timeZone) === r.to ? r.storedTo : r.to,
      }));
  }

  function save(entries: ReturnType<typeof entriesOf>) {
    setError(null);
    startTransition(async () => {
      const { toast } = await import('@/components/ui/toast');
      try {
        const result = await setCoverageAction({ zoneId: zone.zoneId, entries });
        if (result.ok) {
          toast.success(entries.length ? `Coverage saved for ${zone.zoneName}` : `Stopped serving ${zone.zoneName}`);
          if (!entries.length) onRemoved();
          router.refresh();
          return;
        }
        setError({ message: result.error.message, fieldErrors: result.error.fieldErrors ?? {} });
      } catch {
        setError({ message: 'Coverage could not be saved. Check your connection and try again.', fieldErrors: {} });
      }
      requestAnimationFrame(() => errorRef.current?.focus());
    });
  }

  // Server errors name entries by their position in what was sent: map them back to services.
  const sent = rows.filter((r) => r.on);
  const rowError = (serviceId: string) => {
    const i = sent.findIndex((r) => r.serviceId === serviceId);
    return i < 0 ? undefined : errorsFor(error?.fieldErrors, `entries.${i}`);
  };
  const title = services.length ? null : 'Publish a service first: coverage is chosen per service.';

  return (
    <section aria-labelledby={`coverage-${zone.zoneId}`} className="grid gap-3 rounded-lg border p-4" data-testid="coverage-zone">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id={`coverage-${zone.zoneId}`} tabIndex={-1} className="flex flex-wrap items-center gap-2 text-base font-semibold outline-none">
          {zone.zoneName}
          <Badge tone={demandTone[zone.demandLevel]}>{cap(zone.demandLevel)} demand</Badge>
          {zone.status !== 'active' ? <Badge tone={statusTone[zone.status]}>{cap(zone.status)} — not matching</Badge> : null}
          {zone.ownerKind === 'provider' ? <Badge>Your area</Badge> : null}
        </h3>
        <span className="text-xs text-muted">Dates are days in {zone.timeZone}</span>
      </div>
      <div ref={errorRef} tabIndex={-1} className="outline-none">
        {error ? <FormError message={error.message} /> : null}
      </div>
      {title ? <p className="text-sm text-muted">{title}</p> : null}
      <div className="overflow-x-auto" role="region" aria-label={`Services in ${zone.zoneName}`} tabIndex={0}>
        <table className="w-full min-w-[34rem] text-sm">
          <thead>
            <tr className="border-b text-start">
              <th scope="col" className="py-2 pe-2 text-start font-semibold">
                Service
              </th>
              <th scope="col" className="px-2 py-2 text-start font-semibold">
                Priority
              </th>
              <th scope="col" className="px-2 py-2 text-start font-semibold">
                From
              </th>
              <th scope="col" className="px-2 py-2 text-start font-semibold">
                Until (optional)
              </th>
            </tr>
          </thead>
          <tbody>
            {services.map((s) => {
              const r = rows.find((x) => x.serviceId === s.id)!;
              const errs = rowError(s.id);
              return (
                <tr key={s.id} className="border-b align-top last:border-b-0">
                  <th scope="row" className="py-1 pe-2 text-start font-normal">
                    <Checkbox
                      label={s.title}
                      description={r.on && r.storedFrom ? (r.inEffect ? 'In effect now' : 'Not in effect now') : undefined}
                      checked={r.on}
                      onChange={(e) => update(s.id, { on: e.target.checked })}
                    />
                    {errs ? <p className="text-sm font-medium text-danger">{errs.join('; ')}</p> : null}
                  </th>
                  <td className="px-2 py-2">
                    <Select
                      aria-label={`Priority for ${s.title}`}
                      value={r.priority}
                      disabled={!r.on}
                      onChange={(e) => update(s.id, { priority: e.target.value })}
                      className="w-24"
                    >
                      {[1, 2, 3, 4, 5].map((p) => (
                        <option key={p} value={p}>
                          {p === 1 ? '1 (main)' : p}
                        </option>
                      ))}
                    </Select>
                  </td>
                  <td className="px-2 py-2">
                    <Input type="date" aria-label={`${s.title}: from`} value={r.from} disabled={!r.on} onChange={(e) => update(s.id, { from: e.target.value })} className="w-40" />
                  </td>
                  <td className="px-2 py-2">
                    <Input type="date" aria-label={`${s.title}: until`} value={r.to} disabled={!r.on} onChange={(e) => update(s.id, { to: e.target.value })} className="w-40" />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="flex flex-wrap gap-2">
        <Button size="sm" loading={pending} onClick={() => save(entriesOf(rows))} disabled={!services.length}>
          <Save aria-hidden="true" />
          Save coverage<span className="sr-only"> for {zone.zoneName}</span>
        </Button>
        {zone.entries.length ? (
          <Button size="sm" variant="ghost" disabled={pending} onClick={() => save([])}>
            <Trash2 aria-hidden="true" />
            Stop serving<span className="sr-only"> {zone.zoneName}</span>
          </Button>
        ) : (
          <Button size="sm" variant="ghost" disabled={pending} onClick={onRemoved}>
            Cancel
          </Button>
        )}
      </div>
    </section>
  );
}
