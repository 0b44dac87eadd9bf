/**
 * Read-only booking previews for the wizard (public: the price and what can be booked are public
 * facts; creating a booking still needs a signed-in customer). Nothing here writes.
 *
 * - quotePreview: the exact quote a booking at this point would get now (same engine, same rates
 *   and the same governing zone as createBooking), plus the zone's name and time zone.
 * - bookableService / providerBookableServices: the summary the wizard and the provider page show.
 *
 * With `repeat` (week | fortnight) and `count` (2–12) on a scheduled quote, the preview also lists
 * the series' visits (`occurrences`): each start, its local date, and the series total — the
 * per-visit total × visits in integer minor units. Each visit is its own booking, charged and
 * cancellable on its own, at the per-visit price.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { rowsOf } from '@/db/client';
import { organisations, providerProfiles, serviceCategories, services } from '@/db/schema';
import { exec, type Ctx } from '@/lib/core/context';
import { notFound, validation } from '@/lib/core/errors';
import { toMinor, toWire } from '@/lib/core/money';
import { parseInput } from '@/lib/core/validate';
import { quotePreviewInput, type QuotePreview } from './quote-contract';
import { quoteBooking } from '@/lib/finance/rates';
import { covers, governingZone } from './create-booking';
import { SERIES_MAX_VISITS, SERIES_MIN_VISITS, seriesTotalMinor, seriesVisits, type SeriesEvery } from './series-preview';
import type { BookableService } from './quote-contract';

export type { BookableService };


const bookableColumns = {
  id: services.id,
  title: services.title,
  description: services.description,
  categoryId: services.categoryId,
  categoryName: serviceCategories.name,
  providerOrgId: services.providerOrgId,
  providerName: organisations.name,
  providerSlug: organisations.slug,
  priceMinor: services.priceMinor,
  currency: services.currency,
  taxInclusive: services.taxInclusive,
  durationMinutes: services.durationMinutes,
  crewSize: services.crewSize,
  minNoticeMinutes: services.minNoticeMinutes,
  requiresConfirmation: services.requiresConfirmation,
  acceptsOnDemand: providerProfiles.acceptsOnDemand,
  status: services.status,
};

type BookableRow = { [K in keyof typeof bookableColumns]: unknown };

function toBookable(r: BookableRow): BookableService {
  return {
    id: String(r.id),
    title: String(r.title),
    description: String(r.description ?? ''),
    categoryName: String(r.categoryName),
    providerOrgId: String(r.providerOrgId),
    providerName: String(r.providerName),
    providerSlug: String(r.providerSlug ?? ''),
    priceMinor: toWire(toMinor(r.priceMinor as bigint)),
    currency: String(r.currency).trim(),
    taxInclusive: r.taxInclusive === true,
    durationMinutes: Number(r.durationMinutes),
    crewSize: Number(r.crewSize),
    minNoticeMinutes: Number(r.minNoticeMinutes),
    requiresConfirmation: r.requiresConfirmation === true,
    // No profile row means no stated restriction (createBooking reads it the same way).
    acceptsOnDemand: r.acceptsOnDemand !== false,
  };
}

function baseQuery(ctx: Ctx) {
  return exec(ctx)
    .select(bookableColumns)
    .from(services)
    .innerJoin(organisations, eq(organisations.id, services.providerOrgId))
    .innerJoin(serviceCategories, eq(serviceCategories.id, services.categoryId))
    .leftJoin(providerProfiles, eq(providerProfiles.orgId, services.providerOrgId));
}

/** One ACTIVE service as the wizard shows it; anything else (draft, archived, unknown id) is NOT_FOUND. */
export async function bookableService(ctx: Ctx, serviceId: string): Promise<BookableService> {
  if (!/^[0-9a-f-]{36}$/i.test(serviceId)) throw notFound('That service');
  const [row] = await baseQuery(ctx).where(and(eq(services.id, serviceId), eq(services.status, 'active')));
  if (!row) throw notFound('That service');
  return toBookable(row);
}

/** A provider's active services by its public slug (the "Book" page); unknown slug → NOT_FOUND. */
export async function providerBookableServices(ctx: Ctx, slug: string): Promise<{ providerName: string; tagline: string; services: BookableService[] }> {
  const [org] = await exec(ctx)
    .select({ id: organisations.id, name: organisations.name, tagline: providerProfiles.tagline })
    .from(organisations)
    .leftJoin(providerProfiles, eq(providerProfiles.orgId, organisations.id))
    .where(and(eq(organisations.slug, slug), eq(organisations.kind, 'provider')));
  if (!org) throw notFound('That provider');
  const rows = await baseQuery(ctx)
    .where(and(eq(services.providerOrgId, org.id), eq(services.status, 'active')))
    .orderBy(asc(services.title), asc(services.id));
  return { providerName: org.name, tagline: org.tagline ?? '', services: rows.map(toBookable) };
}

/** The preview's input: the public contract's fields plus an optional series (same limits as createBooking). */
export const quotePreviewSeriesInput = quotePreviewInput.superRefine((v, ctx) => {
  if (v.repeat === undefined && v.count === undefined) return;
  if (v.repeat === undefined) ctx.addIssue({ code: 'custom', path: ['repeat'], message: 'is required with count' });
  if (v.count === undefined) ctx.addIssue({ code: 'custom', path: ['count'], message: 'is required with repeat' });
  if (v.type !== 'scheduled') ctx.addIssue({ code: 'custom', path: ['repeat'], message: 'is only possible for scheduled bookings' });
  else if (!v.startsAt) ctx.addIssue({ code: 'custom', path: ['startsAt'], message: 'is required for a repeating booking' });
});


export interface QuoteOccurrences {
  every: SeriesEvery;
  count: number;
  /** Each visit's start (ISO) and its calendar date in the zone's time zone, first visit first. */
  starts: Array<{ index: number; startsAt: string; localDate: string }>;
  /** The per-visit total (`totalMinor`) × count, integer minor units. */
  seriesTotalMinor: number;
}

export type QuotePreviewWithSeries = QuotePreview & { occurrences?: QuoteOccurrences };

/**
 * quotePreview(ctx, {serviceId, type, lon, lat, startsAt?, repeat?, count?}) — the breakdown a booking would be
 * quoted now. Outside every active platform zone is a VALIDATION error on `location`, exactly as
 * createBooking answers; a missing FX or tax rate is the rate lookup's own error.
 */
export async function quotePreview(ctx: Ctx, raw: unknown): Promise<QuotePreviewWithSeries> {
  const q = parseInput(quotePreviewSeriesInput, raw);
  const ex = exec(ctx);
  const [svc] = await ex
    .select({
      id: services.id,
      providerOrgId: services.providerOrgId,
      categoryId: services.categoryId,
      priceMinor: services.priceMinor,
      currency: services.currency,
      taxInclusive: services.taxInclusive,
      status: services.status,
    })
    .from(services)
    .where(eq(services.id, q.serviceId));
  if (!svc || svc.status !== 'active') throw validation({ serviceId: ['is not a service you can book'] });

  const zone = await governingZone(ex, q.lon, q.lat);
  if (!zone) throw validation({ location: ['is outside our service zones'] });
  const at = q.startsAt ? new Date(q.startsAt) : ctx.now;
  // The same coverage rule the booking itself applies (create-booking.ts covers()).
  const [[meta], covered] = await Promise.all([
    rowsOf<{ name: string }>(await ex.execute(sql`select name from zones where id = ${zone.id}::uuid`)),
    covers(ex, { providerOrgId: svc.providerOrgId, serviceId: svc.id, zoneId: zone.id, lon: q.lon, lat: q.lat, at }),
  ]);
  const quote = await quoteBooking(ex, {
    service: { categoryId: svc.categoryId, priceMinor: svc.priceMinor, currency: svc.currency, taxInclusive: svc.taxInclusive },
    zone: { currency: zone.currency, taxRegion: zone.tax_region, demandLevel: zone.demand_level },
    bookingType: q.type,
    at: ctx.now,
  });
  const totalMinor = toWire(quote.totalMinor);
  const occurrences: QuoteOccurrences | undefined =
    q.repeat && q.count && q.startsAt
      ? { every: q.repeat, count: q.count, starts: seriesVisits(q.startsAt, zone.time_zone, q.repeat, q.count), seriesTotalMinor: seriesTotalMinor(totalMinor, q.count) }
      : undefined;
  return {
    serviceId: svc.id,
    type: q.type,
    zone: { id: zone.id, name: meta?.name ?? '', timeZone: zone.time_zone },
    covered,
    currency: quote.currency,
    priceMinor: toWire(quote.priceMinor),
    serviceFeeMinor: toWire(quote.serviceFeeMinor),
    taxMinor: toWire(quote.taxMinor),
    taxRateBp: quote.taxRateBp,
    taxInclusive: quote.taxInclusive,
    totalMinor,
    lines: quote.lines.map((l) => ({ key: l.key, label: l.label, amountMinor: toWire(l.amountMinor), included: l.included === true })),
    ...(occurrences ? { occurrences } : {}),
  };
}
