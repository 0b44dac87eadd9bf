import { eq, sql } from 'drizzle-orm';
import { db, rowsOf, type Executor, type Tx } from '@/db/client';
import { bookings, organisations, serviceCategories, services } from '@/db/schema';
import { emitEvent } from '@/lib/analytics/events';
import { recordAudit } from '@/lib/audit/record-audit';
import { pickCrew } from '@/lib/availability/queries';
import { addDays, localDate, localTime, zonedTimeToInstant } from '@/lib/core/zoned-time';
import { authorize } from '@/lib/core/auth/permissions';
import type { Ctx, UserActor } from '@/lib/core/context';
import { validation } from '@/lib/core/errors';
import { newId } from '@/lib/core/ids';
import { toWire } from '@/lib/core/money';
import { parseInput } from '@/lib/core/validate';
import { holdBookingPayment } from '@/lib/finance/booking-money';
import { quoteBooking } from '@/lib/finance/rates';
import { queueMail } from '@/lib/notifications/queue-mail';
import { dispatchNext } from './dispatch';
import {
  addDeadline,
  bookingHref,
  insertAssignments,
  lockCrew,
  newReference,
  notify,
  occupiedWindow,
  providerAdminUserIds,
  providerBookingHref,
  recordStatusRow,
  runBookingTx,
  scheduleReminder,
  slotTaken,
  zoneSla,
  type TxCtx,
} from './internal';
import { acceptanceDueAt, arrivalDueAt, PAYMENT_HOLD_MINUTES, type BookingStatus } from './policy';
import { mailMoney, mailTime } from './mail-text';
import { bookingDto } from './queries';
import { refuseCertainlyTakenSlot } from './slot-gate';
import { createBookingInput, type CreateBookingInput, type CreateBookingResult } from './schemas';

const MINUTE = 60_000;
const MAX_ADVANCE_DAYS = 365;

interface ServiceRow {
  id: string;
  providerOrgId: string;
  categoryId: string;
  categorySlug: string;
  title: string;
  priceMinor: bigint;
  currency: string;
  taxInclusive: boolean;
  durationMinutes: number;
  crewSize: number;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  minNoticeMinutes: number;
  requiresConfirmation: boolean;
  confirmationWindowMinutes: number;
  status: string;
  providerName: string;
}

interface ZoneRow {
  id: string;
  currency: string;
  tax_region: string;
  demand_level: 'high' | 'medium' | 'low';
  time_zone: string;
}

/**
 * The governing zone: the ACTIVE PLATFORM zone containing the point. Overlaps resolve by the zone's
 * priority (highest first), then the smallest (most specific) area, then the id — stable and written.
 */
export async function governingZone(tx: Executor, lon: number, lat: number): Promise<ZoneRow | null> {
  const rows = rowsOf<ZoneRow>(
    await tx.execute(sql`
      select z.id::text as id, z.currency, z.tax_region, z.demand_level::text as demand_level, z.time_zone
        from zones z
       where ST_Intersects(z.geom, ST_SetSRID(ST_MakePoint(${lon}::float8, ${lat}::float8), 4326))
         and z.status = 'active' and z.owner_kind = 'platform'
       order by z.priority desc, z.area_m2 asc, z.id
       limit 1`),
  );
  return rows[0] ? { ...rows[0], currency: rows[0].currency.trim() } : null;
}

/** The nearest ACTIVE PLATFORM zone to a point outside all of them (KNN on the zone index). */
export async function nearestPlatformZone(tx: Executor, lon: number, lat: number): Promise<ZoneRow | null> {
  const rows = rowsOf<ZoneRow>(
    await tx.execute(sql`
      select z.id::text as id, z.currency, z.tax_region, z.demand_level::text as demand_level, z.time_zone
        from zones z
       where z.status = 'active' and z.owner_kind = 'platform'
       order by z.geom <-> ST_SetSRID(ST_MakePoint(${lon}::float8, ${lat}::float8), 4326), z.id
       limit 1`),
  );
  return rows[0] ? { ...rows[0], currency: rows[0].currency.trim() } : null;
}

/** The provider serves this service here at `at`: coverage of the platform zone or of its own area containing the point. */
export async function covers(tx: Executor, q: { providerOrgId: string; serviceId: string; zoneId: string; lon: number; lat: number; at: Date }): Promise<boolean> {
  const rows = rowsOf<{ ok: boolean }>(
    await tx.execute(sql`
      select exists (
        select 1 from zone_coverage zc
          join zones z on z.id = zc.zone_id and z.status = 'active'
         where zc.provider_org_id = ${q.providerOrgId}::uuid and zc.service_id = ${q.serviceId}::uuid
           and zc.effective_from <= ${q.at.toISOString()}::timestamptz
           and (zc.effective_to is null or zc.effective_to > ${q.at.toISOString()}::timestamptz)
           and (zc.zone_id = ${q.zoneId}::uuid
                or (z.owner_kind = 'provider' and z.owner_org_id = zc.provider_org_id
                    and ST_Intersects(z.geom, ST_SetSRID(ST_MakePoint(${q.lon}::float8, ${q.lat}::float8), 4326))))
      ) as ok`),
  );
  return rows[0]?.ok === true;
}

/** Occurrence k of a series keeps the local wall-clock time of the first in the zone (DST-safe). */
function occurrences(first: Date, timeZone: string, recurrence: CreateBookingInput['recurrence']): Date[] {
  if (!recurrence) return [first];
  const step = recurrence.every === 'week' ? 7 : 14;
  const date = localDate(first, timeZone);
  const time = localTime(first, timeZone);
  const out: Date[] = [first];
  for (let k = 1; k < recurrence.count; k++) {
    // A wall-clock time that does not exist that day (spring forward) moves an hour later.
    const at = zonedTimeToInstant(addDays(date, k * step), time, timeZone) ?? new Date(first.getTime() + k * step * 24 * 60 * MINUTE + 60 * MINUTE);
    out.push(at);
  }
  return out;
}

/**
 * createBooking(ctx, raw) — a customer books a service, scheduled (a slot) or on demand, in ONE
 * transaction: zone + coverage + notice checks, the quote snapshot, the crew locked (rows FOR
 * UPDATE in id order, then re-checked) and assigned, the payment hold, status history, SLA
 * deadlines, audit, events, in-app notifications and the confirmation email. Anything that fails
 * leaves nothing behind. A lost race for a slot is a 409 pointing at the alternatives endpoint.
 */
export async function createBooking(ctx: Ctx, raw: unknown): Promise<CreateBookingResult> {
  authorize(ctx.actor, 'bookings.create');
  const input = parseInput(createBookingInput, raw);
  const actor = ctx.actor as UserActor;
  const firstStart = input.startsAt ? new Date(input.startsAt) : null;
  // A slot everyone wants: losers leave after one cheap read instead of queueing on the crew's locks.
  await refuseCertainlyTakenSlot(ctx.tx ?? db(), input);
  return runBookingTx(
    ctx,
    (c) => createInTx(c, actor, input),
    () => slotTaken(input.serviceId, firstStart),
  );
}

/** What a caller other than the booking wizard may fix: an awarded bid books at the bid's price. */
export interface CreateInTxOptions {
  /** The price the quote engine starts from instead of the service's (FX → fee → tax still apply). */
  priceOverride?: { amountMinor: bigint; currency: string };
  /** The awarded bid this booking comes from (bookings.bid_id, unique). */
  bidId?: string;
}

/**
 * The booking transaction body, for a verb that books inside its own transaction (an award books
 * the winning bid in the same transaction that marks it awarded). The caller has authorized the
 * actor, parsed `input` with createBookingInput and runs this inside runBookingTx.
 */
export function createBookingInTx(c: TxCtx, actor: UserActor, input: CreateBookingInput, opts: CreateInTxOptions = {}): Promise<CreateBookingResult> {
  if (opts.priceOverride && input.recurrence) throw validation({ recurrence: ['is not possible for an awarded bid'] });
  return createInTx(c, actor, input, opts);
}

async function createInTx(c: TxCtx, actor: UserActor, input: CreateBookingInput, opts: CreateInTxOptions = {}): Promise<CreateBookingResult> {
  const tx = c.tx;
  const [svc] = (await tx
    .select({
      id: services.id,
      providerOrgId: services.providerOrgId,
      categoryId: services.categoryId,
      categorySlug: serviceCategories.slug,
      title: services.title,
      priceMinor: services.priceMinor,
      currency: services.currency,
      taxInclusive: services.taxInclusive,
      durationMinutes: services.durationMinutes,
      crewSize: services.crewSize,
      bufferBeforeMinutes: services.bufferBeforeMinutes,
      bufferAfterMinutes: services.bufferAfterMinutes,
      minNoticeMinutes: services.minNoticeMinutes,
      requiresConfirmation: services.requiresConfirmation,
      confirmationWindowMinutes: services.confirmationWindowMinutes,
      status: services.status,
      providerName: organisations.name,
    })
    .from(services)
    .innerJoin(organisations, eq(organisations.id, services.providerOrgId))
    .innerJoin(serviceCategories, eq(serviceCategories.id, services.categoryId))
    .where(eq(services.id, input.serviceId))) as ServiceRow[];
  if (!svc || svc.status !== 'active') throw validation({ serviceId: ['is not a service you can book'] });

  // Where: a saved address of the caller, or the point given.
  let lon: number;
  let lat: number;
  let addressLine: string;
  if (input.savedAddressId) {
    const [addr] = rowsOf<{ lon: number | string; lat: number | string; address_line: string }>(
      await tx.execute(sql`select ST_X(location) as lon, ST_Y(location) as lat, address_line from saved_addresses
                            where id = ${input.savedAddressId}::uuid and user_id = ${actor.userId}::uuid`),
    );
    if (!addr) throw validation({ savedAddressId: ['is not one of your saved addresses'] });
    lon = Number(addr.lon);
    lat = Number(addr.lat);
    addressLine = addr.address_line;
  } else {
    lon = input.location!.lon;
    lat = input.location!.lat;
    addressLine = input.addressLine!;
  }

  // An awarded bid may be for an out-of-zone job: its money rules and clock come from the nearest
  // platform zone (the provider agreed to travel when it bid).
  const zone = (await governingZone(tx, lon, lat)) ?? (opts.bidId ? await nearestPlatformZone(tx, lon, lat) : null);
  if (!zone) throw validation({ location: ['is outside our service zones'] });

  if (input.type === 'on_demand') {
    const [profile] = rowsOf<{ accepts_on_demand: boolean }>(await tx.execute(sql`select accepts_on_demand from provider_profiles where org_id = ${svc.providerOrgId}::uuid`));
    if (profile && !profile.accepts_on_demand) throw validation({ type: ['this provider takes scheduled bookings only'] });
  }

  // When: notice and horizon per occurrence (each occurrence is a booking of its own).
  const starts = input.type === 'scheduled' ? occurrences(new Date(input.startsAt!), zone.time_zone, input.recurrence) : [null];
  for (const [i, s] of starts.entries()) {
    if (!s) continue;
    const field = i === 0 ? 'startsAt' : `recurrence.occurrences.${i}`;
    if (s.getTime() <= c.now.getTime()) throw validation({ [field]: ['must be in the future'] });
    if (s.getTime() < c.now.getTime() + svc.minNoticeMinutes * MINUTE) throw validation({ [field]: [`must be at least ${svc.minNoticeMinutes} minutes from now (the provider's notice period)`] });
    if (s.getTime() > c.now.getTime() + MAX_ADVANCE_DAYS * 24 * 60 * MINUTE) throw validation({ [field]: [`must be within ${MAX_ADVANCE_DAYS} days`] });
  }
  // Coverage decides who may serve a place; for an awarded bid the job's eligibility rule (coverage
  // or an invitation) already decided it when the provider bid.
  for (const [i, s] of opts.bidId ? [] : starts.entries()) {
    if (!(await covers(tx, { providerOrgId: svc.providerOrgId, serviceId: svc.id, zoneId: zone.id, lon, lat, at: s ?? c.now }))) {
      throw validation({ [i === 0 ? 'location' : `recurrence.occurrences.${i}`]: ['is not covered by this provider for this service at that time'] });
    }
  }

  // Money: one quote at booking time, snapshotted on every occurrence.
  const quote = await quoteBooking(tx, {
    // A bid's amount is the provider's price before tax, like a tax-exclusive service price.
    service: opts.priceOverride
      ? { categoryId: svc.categoryId, priceMinor: opts.priceOverride.amountMinor, currency: opts.priceOverride.currency, taxInclusive: false }
      : { categoryId: svc.categoryId, priceMinor: svc.priceMinor, currency: svc.currency, taxInclusive: svc.taxInclusive },
    zone: { currency: zone.currency, taxRegion: zone.tax_region, demandLevel: zone.demand_level },
    bookingType: input.type,
    at: c.now,
  });
  const sla = await zoneSla(tx, zone.id);
  const seriesId = starts.length > 1 ? newId() : null;
  const created: Array<{ id: string; status: BookingStatus; paymentStatus: string; nextActionUrl: string | null }> = [];

  for (const startsAt of starts) {
    const bookingId = newId();
    const endsAt = startsAt ? new Date(startsAt.getTime() + svc.durationMinutes * MINUTE) : null;
    let crew: { leadId: string; supportIds: string[] } | null = null;
    let window: { start: Date; end: Date } | null = null;

    if (startsAt && endsAt) {
      window = occupiedWindow(startsAt, endsAt, svc.bufferBeforeMinutes, svc.bufferAfterMinutes);
      crew = await pickCrew(tx, { serviceId: svc.id, startsAt, endsAt, at: c.now });
      if (!crew) throw slotTaken(svc.id, startsAt);
      // Lock first, then re-check: the read above raced with every other request for this slot.
      let taken = await lockCrew(tx, { ids: [crew.leadId, ...crew.supportIds], providerOrgId: svc.providerOrgId, window });
      if (taken.length) {
        crew = await pickCrew(tx, { serviceId: svc.id, startsAt, endsAt, at: c.now, exclude: taken });
        if (!crew) throw slotTaken(svc.id, startsAt);
        taken = await lockCrew(tx, { ids: [crew.leadId, ...crew.supportIds], providerOrgId: svc.providerOrgId, window });
        if (taken.length) throw slotTaken(svc.id, startsAt);
      }
    }

    const payment = await holdBookingPayment(
      c,
      { id: bookingId, customerId: actor.userId, providerOrgId: svc.providerOrgId, currency: quote.currency, totalMinor: quote.totalMinor },
      input.paymentMethod,
    );
    if (payment.status === 'failed') throw validation({ paymentMethod: ['card declined'] }, 'Your card was declined. Nothing was booked; please try another card.');

    const needsPayment = payment.status === 'requires_action';
    const needsConfirmation = svc.requiresConfirmation;
    const status: BookingStatus = needsPayment || needsConfirmation ? 'pending' : input.type === 'scheduled' ? 'scheduled' : 'awaiting_assignment';
    const confirmationDueAt = needsConfirmation
      ? new Date(Math.min(c.now.getTime() + svc.confirmationWindowMinutes * MINUTE, startsAt ? startsAt.getTime() : Number.POSITIVE_INFINITY))
      : null;
    const acceptedNow = status === 'scheduled';

    await tx.insert(bookings).values({
      id: bookingId,
      reference: newReference(),
      customerId: actor.userId,
      providerOrgId: svc.providerOrgId,
      serviceId: svc.id,
      zoneId: zone.id,
      type: input.type,
      status,
      startsAt,
      endsAt,
      durationMinutes: svc.durationMinutes,
      bufferBeforeMinutes: svc.bufferBeforeMinutes,
      bufferAfterMinutes: svc.bufferAfterMinutes,
      crewSize: svc.crewSize,
      location: JSON.stringify({ type: 'Point', coordinates: [lon, lat] }),
      addressLine,
      timeZone: zone.time_zone,
      notes: input.notes ?? '',
      currency: quote.currency,
      providerCurrency: quote.providerCurrency,
      providerPriceMinor: quote.providerPriceMinor,
      fxRate: quote.fxRate,
      priceMinor: quote.priceMinor,
      serviceFeeMinor: quote.serviceFeeMinor,
      serviceFeeRuleId: quote.serviceFeeRuleId,
      taxMinor: quote.taxMinor,
      taxRateBp: quote.taxRateBp,
      taxInclusive: quote.taxInclusive,
      totalMinor: quote.totalMinor,
      providerCommissionMinor: quote.providerCommissionMinor,
      confirmationDueAt,
      seriesId,
      bidId: opts.bidId ?? null,
      acceptedAt: acceptedNow ? c.now : null,
      createdAt: c.now,
      updatedAt: c.now,
    });
    // The hold keeps the crew even while the payment or the provider's confirmation is outstanding.
    if (crew && window) await insertAssignments(tx, bookingId, crew, window, c.now);

    await recordStatusRow(c, bookingId, null, status, needsPayment ? 'waiting for payment confirmation' : needsConfirmation ? 'waiting for the provider' : '');
    await addDeadline(tx, bookingId, 'acceptance_sla', acceptanceDueAt(input.type, c.now, sla), acceptedNow ? 'met' : 'pending', c.now);
    if (acceptedNow && startsAt) await addDeadline(tx, bookingId, 'arrival_sla', arrivalDueAt('scheduled', c.now, startsAt, sla));
    if (needsPayment) await addDeadline(tx, bookingId, 'payment_hold', new Date(c.now.getTime() + PAYMENT_HOLD_MINUTES * MINUTE));
    if (confirmationDueAt) await addDeadline(tx, bookingId, 'provider_confirmation', confirmationDueAt);
    await scheduleReminder(tx, { id: bookingId, type: input.type, status, startsAt }, c.now);

    await emitEvent(
      c,
      'booking.created',
      { bookingId, zoneId: zone.id, serviceId: svc.id, providerOrgId: svc.providerOrgId, type: input.type, currency: quote.currency, totalMinor: toWire(quote.totalMinor), seriesId },
      svc.providerOrgId,
    );
    await emitEvent(c, 'booking.status_changed', { bookingId, zoneId: zone.id, fromStatus: null, toStatus: status, ...(acceptedNow ? { acceptedAfterMinutes: 0 } : {}) }, svc.providerOrgId);
    if (crew) await emitEvent(c, 'booking.crew_assigned', { bookingId, zoneId: zone.id, servicemanIds: [crew.leadId, ...crew.supportIds], via: 'auto' }, svc.providerOrgId);
    await recordAudit(c, {
      action: 'bookings.create',
      entityType: 'booking',
      entityId: bookingId,
      tenantId: svc.providerOrgId,
      data: { serviceId: svc.id, zoneId: zone.id, type: input.type, status, totalMinor: quote.totalMinor.toString(), currency: quote.currency, paymentId: payment.paymentId, seriesId },
    });
    if (status === 'awaiting_assignment') await dispatchNext(c, bookingId);
    created.push({ id: bookingId, status, paymentStatus: payment.status, nextActionUrl: (payment as { nextActionUrl?: string | null }).nextActionUrl ?? null });
  }

  const first = created[0];
  const when = starts[0] ? ` on ${mailTime(starts[0], zone.time_zone)}` : ' as soon as possible';
  const title = first.status === 'pending' ? `Booking requested: ${svc.title}` : `Booking confirmed: ${svc.title}`;
  await notify(tx, [actor.userId], { kind: 'booking.created', title, body: `${svc.providerName}${when}.`, href: bookingHref(first.id), businessKey: `booking:${first.id}:created` });
  await notify(tx, await providerAdminUserIds(tx, svc.providerOrgId, c.now), {
    kind: 'booking.received',
    title: needsProviderAction(svc, first.status) ? `Booking request to confirm: ${svc.title}` : `New booking: ${svc.title}`,
    body: `${addressLine}${when}.`,
    href: providerBookingHref(first.id),
    businessKey: `booking:${first.id}:received`,
  });
  await queueMail(tx, {
    to: actor.email,
    subject: title,
    text: `${title}\n\n${svc.providerName}${when}.\nAddress: ${addressLine}\nTotal: ${mailMoney(quote.totalMinor, quote.currency)}.${created.length > 1 ? `\nThis is a series of ${created.length} bookings.` : ''}\n`,
    template: 'booking.confirmation',
  });

  const booking = await bookingDto(tx, first.id);
  return { booking, seriesBookingIds: created.map((b) => b.id), payment: { status: first.paymentStatus, nextActionUrl: first.nextActionUrl } };
}

const needsProviderAction = (svc: ServiceRow, status: BookingStatus) => svc.requiresConfirmation && status === 'pending';
