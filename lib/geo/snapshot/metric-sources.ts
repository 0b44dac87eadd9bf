import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Tx } from '@/db/client';
import { eventCatalogue } from '@/lib/analytics/events';

/**
 * Where zone analytics come from. Each source says which zones changed since the previous run
 * (`dirtyZoneIds`) and computes its part of the metrics for a set of zones in a few set-based
 * statements (`compute`) — never one query per zone, so 10k zones recompute in seconds.
 * run-snapshot.ts asks every source, recomputes the union of dirty zones and stores the result.
 */

export interface ZoneMetricValues {
  /** Booking counts by status, plus the reserved running totals described below. */
  bookingsByStatus: Record<string, number>;
  slaBreaches: number;
  meanMinutesToAcceptance: number | null;
  activeProviders: number;
  activeServices: number;
  openDemand: number;
  supplyDemandRatioBp: number | null;
  inventoryMatches: number;
}

/**
 * The time slice one run looks at. `since` is the previous finished run's `sinceAt` (null on the
 * first run); `until` becomes this run's `sinceAt` (its start minus the safety overlap); `at` is the
 * run's instant (effective dates are judged at `at`).
 */
export interface SnapshotWindow {
  since: Date | null;
  until: Date;
  at: Date;
}

export interface MetricSource {
  name: string;
  /** Zones whose metrics from this source may have changed in the window ('all' = every zone). */
  dirtyZoneIds(tx: Tx, window: SnapshotWindow): Promise<string[] | 'all'>;
  /** This source's fields for each of `zoneIds` (zones it omits keep their stored values). */
  compute(tx: Tx, zoneIds: string[], window: SnapshotWindow): Promise<Map<string, Partial<ZoneMetricValues>>>;
}

export const emptyMetrics = (): ZoneMetricValues => ({
  bookingsByStatus: {},
  slaBreaches: 0,
  meanMinutesToAcceptance: null,
  activeProviders: 0,
  activeServices: 0,
  openDemand: 0,
  supplyDemandRatioBp: null,
  inventoryMatches: 0,
});

/** Booking states that still need a crew or a visit: they make up a zone's open demand (DOMAIN.md). */
export const openBookingStatuses = ['pending', 'awaiting_assignment', 'scheduled'] as const;

/**
 * The running totals behind the mean time to acceptance live in `bookings_by_status` under keys
 * that start with `_` (never a booking status), so a mean can be updated incrementally without a
 * schema change and without rereading history. Readers show only `bookingStatusCounts(...)`.
 */
export const ACCEPTED_COUNT_KEY = '_acceptedCount';
export const ACCEPTED_MINUTES_KEY = '_acceptedMinutesSum';

/** The public part of `bookings_by_status`: statuses only, without the reserved running totals. */
export function bookingStatusCounts(raw: Record<string, number> | null | undefined): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(raw ?? {})) if (!k.startsWith('_')) out[k] = Number(v);
  return out;
}

/** Open demand and the supply/demand ratio follow from the other metrics; computed in one place. */
export function withDerivedMetrics(m: ZoneMetricValues): ZoneMetricValues {
  const openDemand = openBookingStatuses.reduce((sum, s) => sum + Math.max(0, m.bookingsByStatus[s] ?? 0), 0);
  const acceptedCount = m.bookingsByStatus[ACCEPTED_COUNT_KEY] ?? 0;
  const acceptedMinutes = m.bookingsByStatus[ACCEPTED_MINUTES_KEY] ?? 0;
  return {
    ...m,
    openDemand,
    supplyDemandRatioBp: openDemand > 0 ? Math.round((m.activeProviders * 10000) / openDemand) : null,
    meanMinutesToAcceptance: acceptedCount > 0 ? Math.round(acceptedMinutes / acceptedCount) : null,
  };
}

/**
 * A timestamp parameter. Always an ISO string with a cast: drizzle's postgres.js driver passes
 * timestamp values through untouched, so a raw Date in `sql` would not serialise there.
 */
export const ts = (d: Date): SQL => sql`${d.toISOString()}::timestamptz`;

/** A uuid list as ONE parameter: 10k ids as separate bind parameters would hit the protocol limit. */
export const uuidList = (ids: string[]): SQL => sql`string_to_array(${ids.join(',')}, ',')::uuid[]`;

const UUID_PATTERN = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';

// ---- coverage ------------------------------------------------------------------------------

/**
 * Supply side, recomputed from the tables as they stand (so it is idempotent and a repeated or
 * overlapping window never double-counts):
 *  - activeProviders: distinct providers with coverage in effect at `at` for an active service;
 *  - activeServices: distinct active services covered there;
 *  - inventoryMatches: of those providers, the ones that rent out or sell goods. This reads the
 *    declared offersRentals/offersSales flags — the stand-in until inventory listings exist, when
 *    the inventory issue replaces it with listings available in the zone.
 * A zone is dirty when, since the window start: its row changed or it has no metrics yet; any of
 * its coverage rows was written, or became/stopped being effective; a covered service or the
 * covering provider's profile changed. Deleted coverage leaves no row to look at, so deletions are
 * caught through the `geo.coverage_changed` domain events (payload.zoneIds) that setCoverage emits
 * in the same transaction.
 */
export const coverageSource: MetricSource = {
  name: 'coverage',
  async dirtyZoneIds(tx, { since, at }) {
    if (!since) return 'all';
    const result = await tx.execute(sql`
      SELECT DISTINCT d.zone_id::text AS zone_id
      FROM (
        SELECT z.id AS zone_id FROM zones z
        WHERE z.updated_at >= ${ts(since)} OR z.created_at >= ${ts(since)}
           OR NOT EXISTS (SELECT 1 FROM zone_metrics m WHERE m.zone_id = z.id)
        UNION
        SELECT zc.zone_id FROM zone_coverage zc
        WHERE zc.updated_at >= ${ts(since)} OR zc.created_at >= ${ts(since)}
           OR (zc.effective_from > ${ts(since)} AND zc.effective_from <= ${ts(at)})
           OR (zc.effective_to > ${ts(since)} AND zc.effective_to <= ${ts(at)})
        UNION
        SELECT zc.zone_id FROM zone_coverage zc JOIN services s ON s.id = zc.service_id
        WHERE s.updated_at >= ${ts(since)}
        UNION
        SELECT zc.zone_id FROM zone_coverage zc JOIN provider_profiles p ON p.org_id = zc.provider_org_id
        WHERE p.updated_at >= ${ts(since)}
        UNION
        SELECT x.id::uuid FROM domain_events e, jsonb_array_elements_text(
            CASE WHEN jsonb_typeof(e.payload->'zoneIds') = 'array' THEN e.payload->'zoneIds' ELSE '[]'::jsonb END) AS x(id)
        WHERE e.name = 'geo.coverage_changed' AND e.occurred_at >= ${ts(since)} AND x.id ~ ${UUID_PATTERN}
      ) d
      JOIN zones z ON z.id = d.zone_id`);
    return rowsOf<{ zone_id: string }>(result).map((r) => r.zone_id);
  },
  async compute(tx, zoneIds, { at }) {
    const out = new Map<string, Partial<ZoneMetricValues>>();
    if (!zoneIds.length) return out;
    const result = await tx.execute(sql`
      SELECT ids.zone_id::text AS zone_id,
             count(DISTINCT c.provider_org_id)::int AS active_providers,
             count(DISTINCT c.service_id)::int AS active_services,
             count(DISTINCT c.provider_org_id) FILTER (WHERE c.offers_goods)::int AS inventory_matches
      FROM unnest(${uuidList(zoneIds)}) AS ids(zone_id)
      LEFT JOIN (
        SELECT zc.zone_id, zc.provider_org_id, zc.service_id,
               coalesce(p.offers_rentals OR p.offers_sales, false) AS offers_goods
        FROM zone_coverage zc
        JOIN services s ON s.id = zc.service_id AND s.provider_org_id = zc.provider_org_id AND s.status = 'active'
        LEFT JOIN provider_profiles p ON p.org_id = zc.provider_org_id
        WHERE zc.zone_id = ANY(${uuidList(zoneIds)})
          AND zc.effective_from <= ${ts(at)} AND (zc.effective_to IS NULL OR zc.effective_to > ${ts(at)})
      ) c ON c.zone_id = ids.zone_id
      GROUP BY ids.zone_id`);
    for (const r of rowsOf<{ zone_id: string; active_providers: number; active_services: number; inventory_matches: number }>(result)) {
      out.set(r.zone_id, {
        activeProviders: Number(r.active_providers),
        activeServices: Number(r.active_services),
        inventoryMatches: Number(r.inventory_matches),
      });
    }
    return out;
  },
};

// ---- bookings ------------------------------------------------------------------------------

/**
 * Booking events this source reads. Domain events can only be written through the catalogue, so
 * any `booking.*` name the bookings issue adds there is picked up automatically; the names below
 * are the ones that issue is expected to emit. A fixed list (rather than `LIKE 'booking.%'`) lets
 * PostgreSQL use the (name, occurred_at) index under any collation.
 */
export const expectedBookingEventNames = ['booking.created', 'booking.status_changed', 'booking.accepted', 'booking.sla_breached'] as const;

export function bookingEventNames(): string[] {
  const fromCatalogue = Object.keys(eventCatalogue).filter((n) => n.startsWith('booking.'));
  return [...new Set([...expectedBookingEventNames, ...fromCatalogue])].sort();
}

/**
 * Demand side, applied INCREMENTALLY: stored counters plus the booking events of the window —
 * history is never rescanned. The payload contract (every field optional except zoneId):
 *   { zoneId: uuid, bookingId?, fromStatus?: string|null, toStatus?: string|null,
 *     acceptedAfterMinutes?: number, slaBreached?: boolean }
 * fromStatus → toStatus moves one booking between status counts (a creation has no fromStatus);
 * acceptedAfterMinutes adds one acceptance to the running mean; slaBreached counts one breach.
 *
 * Exactly-once: each run applies the events with occurred_at in [since, until) — the previous
 * finished run's sinceAt up to this run's sinceAt. Those half-open windows tile the time line with
 * no gap and no overlap (the watermark only moves forward, and a run's counters and its sinceAt
 * commit in one transaction), so no event is counted twice even when runs overlap the dirty-zone
 * window by five minutes. Because `until` trails the run start by that overlap, an event is counted
 * once it is five minutes old: a booking transaction that commits more than five minutes after
 * its event's occurred_at (or an app clock skewed by more) would be missed — far beyond how long
 * a booking transaction takes.
 */
export const bookingsSource: MetricSource = {
  name: 'bookings',
  async dirtyZoneIds(tx, window) {
    const result = await tx.execute(sql`
      SELECT DISTINCT (e.payload->>'zoneId') AS zone_id
      FROM domain_events e
      JOIN zones z ON z.id::text = lower(e.payload->>'zoneId')
      WHERE ${bookingWindow(window)}`);
    return rowsOf<{ zone_id: string }>(result).map((r) => r.zone_id.toLowerCase());
  },
  async compute(tx, zoneIds, window) {
    const out = new Map<string, Partial<ZoneMetricValues>>();
    if (!zoneIds.length) return out;
    const [storedRes, movesRes, totalsRes] = [
      await tx.execute(sql`
        SELECT zone_id::text AS zone_id, bookings_by_status, sla_breaches
        FROM zone_metrics WHERE zone_id = ANY(${uuidList(zoneIds)})`),
      await tx.execute(sql`
        SELECT lower(payload->>'zoneId') AS zone_id, status, sum(delta)::int AS delta
        FROM (
          SELECT payload, payload->>'fromStatus' AS status, -1 AS delta FROM domain_events e
          WHERE ${bookingWindow(window)} AND coalesce(payload->>'fromStatus', '') <> ''
          UNION ALL
          SELECT payload, payload->>'toStatus', 1 FROM domain_events e
          WHERE ${bookingWindow(window)} AND coalesce(payload->>'toStatus', '') <> ''
        ) moves
        WHERE status !~ '^_'
        GROUP BY 1, 2`),
      await tx.execute(sql`
        SELECT lower(payload->>'zoneId') AS zone_id,
               count(*) FILTER (WHERE payload->>'slaBreached' = 'true')::int AS breaches,
               count(*) FILTER (WHERE jsonb_typeof(payload->'acceptedAfterMinutes') = 'number')::int AS accepted,
               coalesce(sum((payload->>'acceptedAfterMinutes')::float8) FILTER (WHERE jsonb_typeof(payload->'acceptedAfterMinutes') = 'number'), 0)::float8 AS accepted_minutes
        FROM domain_events e
        WHERE ${bookingWindow(window)}
        GROUP BY 1`),
    ];
    const wanted = new Set(zoneIds);
    const state = new Map<string, { byStatus: Record<string, number>; slaBreaches: number }>();
    for (const r of rowsOf<{ zone_id: string; bookings_by_status: Record<string, number> | string; sla_breaches: number }>(storedRes)) {
      const byStatus = typeof r.bookings_by_status === 'string' ? JSON.parse(r.bookings_by_status) : r.bookings_by_status;
      state.set(r.zone_id, { byStatus: { ...(byStatus ?? {}) }, slaBreaches: Number(r.sla_breaches) });
    }
    const get = (zoneId: string) => {
      let s = state.get(zoneId);
      if (!s) state.set(zoneId, (s = { byStatus: {}, slaBreaches: 0 }));
      return s;
    };
    for (const r of rowsOf<{ zone_id: string; status: string; delta: number }>(movesRes)) {
      if (!wanted.has(r.zone_id)) continue;
      const s = get(r.zone_id);
      const next = (s.byStatus[r.status] ?? 0) + Number(r.delta);
      if (next === 0) delete s.byStatus[r.status];
      else s.byStatus[r.status] = next;
    }
    for (const r of rowsOf<{ zone_id: string; breaches: number; accepted: number; accepted_minutes: number }>(totalsRes)) {
      if (!wanted.has(r.zone_id)) continue;
      const s = get(r.zone_id);
      s.slaBreaches += Number(r.breaches);
      if (Number(r.accepted) > 0) {
        s.byStatus[ACCEPTED_COUNT_KEY] = (s.byStatus[ACCEPTED_COUNT_KEY] ?? 0) + Number(r.accepted);
        s.byStatus[ACCEPTED_MINUTES_KEY] = (s.byStatus[ACCEPTED_MINUTES_KEY] ?? 0) + Number(r.accepted_minutes);
      }
    }
    for (const [zoneId, s] of state) {
      if (wanted.has(zoneId)) out.set(zoneId, { bookingsByStatus: s.byStatus, slaBreaches: s.slaBreaches });
    }
    return out;
  },
};

/** The booking events of one window: known names (index), the half-open time slice, a valid zone id. */
function bookingWindow({ since, until }: SnapshotWindow): SQL {
  const names = bookingEventNames().join(',');
  return sql`e.name = ANY(string_to_array(${names}, ',')) AND e.occurred_at < ${ts(until)}
    ${since ? sql`AND e.occurred_at >= ${ts(since)}` : sql``}
    AND (e.payload->>'zoneId') ~ ${UUID_PATTERN}`;
}

/** Every source, in the order their fields are merged (later sources win on a shared field). */
export const metricSources: MetricSource[] = [coverageSource, bookingsSource];
