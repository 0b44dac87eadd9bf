/**
 * On-demand dispatch (DOMAIN.md "Bookings"): one open offer at a time, to the nearest eligible
 * serviceman of the booking's provider, with an acceptance timeout (a booking_deadlines row the
 * sweeper acts on). Decline or timeout → the next one; nobody left → the booking stays
 * awaiting_assignment and operations are alerted.
 */
import { and, eq, sql } from 'drizzle-orm';
import { rowsOf, type Tx } from '@/db/client';
import { bookings, dispatchOffers, servicemen } from '@/db/schema';
import { emitEvent } from '@/lib/analytics/events';
import { recordAudit } from '@/lib/audit/record-audit';
import { authorize } from '@/lib/core/auth/permissions';
import type { Ctx } from '@/lib/core/context';
import { AppError, notFound } from '@/lib/core/errors';
import { newId } from '@/lib/core/ids';
import { parseInput } from '@/lib/core/validate';
import {
  addDeadline,
  bookingHref,
  conflictBusy,
  insertAssignments,
  lockCrew,
  minutesBetween,
  moveStatus,
  notify,
  occupiedWindow,
  operationsUserIds,
  resolveDeadlines,
  runBookingTx,
  scheduleReminder,
  uuidArray,
  zoneSla,
  type BookingRow,
  type TxCtx,
} from './internal';
import { arrivalDueAt, assertTransition, OFFER_TIMEOUT_MINUTES } from './policy';
import { startJob } from './start-job';
import { respondToOfferInput } from './schemas';

const MINUTE = 60_000;

/**
 * Servicemen of the booking's provider who could take it NOW: the category among their skills,
 * on shift at this instant in their own zone (weekly hours or an extra-hours exception, minus an
 * unavailable exception), no time off and no active assignment overlapping the job window, not
 * already offered this booking. Nearest base point first (KNN), then id.
 */
export async function eligibleNow(tx: Tx, b: BookingRow, at: Date, opts: { limit: number; exclude?: string[]; leadersOnly?: boolean; skipOffered?: boolean }): Promise<Array<{ id: string; userId: string | null }>> {
  const now = at.toISOString();
  const win = occupiedWindow(at, new Date(at.getTime() + b.durationMinutes * MINUTE), b.bufferBeforeMinutes, b.bufferAfterMinutes);
  const local = sql`(${now}::timestamptz at time zone s.time_zone)`;
  const rows = rowsOf<{ id: string; user_id: string | null }>(
    await tx.execute(sql`
      select s.id::text, s.user_id::text
        from servicemen s
        join services sv on sv.id = ${b.serviceId}::uuid
        join service_categories cat on cat.id = sv.category_id
       where s.provider_org_id = ${b.providerOrgId}::uuid and s.status = 'active' and cat.slug = any(s.skills)
         ${opts.leadersOnly ? sql`and s.can_lead` : sql``}
         ${opts.exclude?.length ? sql`and not (s.id = any(${uuidArray(opts.exclude)}))` : sql``}
         ${opts.skipOffered ? sql`and not exists (select 1 from dispatch_offers o where o.booking_id = ${b.id}::uuid and o.serviceman_id = s.id)` : sql``}
         and (
           (exists (select 1 from serviceman_hours h where h.serviceman_id = s.id
                     and h.weekday = extract(isodow from ${local}) and ${local}::time >= h.starts_at and ${local}::time < h.ends_at)
            and not exists (select 1 from serviceman_exceptions x where x.serviceman_id = s.id and x.on_date = ${local}::date
                     and x.kind = 'unavailable' and (x.starts_at is null or (${local}::time >= x.starts_at and ${local}::time < x.ends_at))))
           or exists (select 1 from serviceman_exceptions x where x.serviceman_id = s.id and x.on_date = ${local}::date
                     and x.kind = 'extra_hours' and ${local}::time >= x.starts_at and ${local}::time < x.ends_at)
         )
         and not exists (select 1 from serviceman_time_off t where t.serviceman_id = s.id
                          and t.starts_at < ${win.end.toISOString()}::timestamptz and t.ends_at > ${win.start.toISOString()}::timestamptz)
         and not exists (select 1 from booking_assignments a where a.serviceman_id = s.id and a.active
                          and a."window" && tstzrange(${win.start.toISOString()}::timestamptz, ${win.end.toISOString()}::timestamptz, '[)'))
       order by (s.base_point is null), s.base_point <-> (select location from bookings where id = ${b.id}::uuid), s.id
       limit ${opts.limit}`),
  );
  return rows.map((r) => ({ id: r.id, userId: r.user_id }));
}

/**
 * Offers the booking to the next eligible serviceman, if it still waits for a crew and has no open
 * offer. Runs inside the caller's transaction (creation, decline, the sweeper's timeout).
 */
export async function dispatchNext(c: TxCtx, bookingId: string): Promise<{ offerId: string | null }> {
  const [b] = await c.tx.select().from(bookings).where(eq(bookings.id, bookingId)).for('update');
  if (!b || b.status !== 'awaiting_assignment') return { offerId: null };
  const [open] = await c.tx.select({ id: dispatchOffers.id }).from(dispatchOffers).where(and(eq(dispatchOffers.bookingId, b.id), eq(dispatchOffers.status, 'open')));
  if (open) return { offerId: open.id };
  const [next] = await eligibleNow(c.tx, b, c.now, { limit: 1, leadersOnly: true, skipOffered: true });
  if (!next) {
    const [{ n }] = rowsOf<{ n: number | string }>(await c.tx.execute(sql`select count(*) as n from dispatch_offers where booking_id = ${b.id}::uuid`));
    await emitEvent(c, 'booking.dispatch_exhausted', { bookingId: b.id, zoneId: b.zoneId, offersMade: Number(n) }, b.providerOrgId);
    await notify(c.tx, await operationsUserIds(c.tx, c.now), {
      kind: 'booking.escalation',
      title: `No crew available for booking ${b.reference}`,
      body: 'Every eligible serviceman declined or let the offer expire. Assign a crew by hand or contact the customer.',
      href: `/admin/bookings/${b.id}`,
      businessKey: `booking:${b.id}:dispatch_exhausted:${Number(n)}`,
    });
    return { offerId: null };
  }
  const offerId = newId();
  const expiresAt = new Date(c.now.getTime() + OFFER_TIMEOUT_MINUTES * MINUTE);
  await c.tx.insert(dispatchOffers).values({ id: offerId, bookingId: b.id, servicemanId: next.id, offeredAt: c.now, expiresAt, status: 'open' });
  await addDeadline(c.tx, b.id, 'offer_timeout', expiresAt);
  await emitEvent(c, 'booking.offer_sent', { bookingId: b.id, zoneId: b.zoneId, offerId, servicemanId: next.id }, b.providerOrgId);
  await notify(c.tx, [next.userId], {
    kind: 'booking.offer',
    title: 'New job offer',
    body: `${b.addressLine} — accept within ${OFFER_TIMEOUT_MINUTES} minutes.`,
    href: `/provider/jobs/offers/${offerId}`,
    businessKey: `offer:${offerId}`,
  });
  return { offerId };
}

/**
 * respondToOffer(ctx, { offerId, accept, arrived? }) — a serviceman answers his own offer. Accepting
 * locks the booking row first and re-checks its status through the transition table, so an offer
 * can never revive a cancelled or completed booking; then it locks his row, re-checks he is free
 * and takes the window now → now + duration (straight to in_progress when he is already there).
 */
export async function respondToOffer(ctx: Ctx, raw: unknown): Promise<{ bookingId: string; status: string }> {
  authorize(ctx.actor, 'bookings.respond_offer');
  const input = parseInput(respondToOfferInput, raw);
  if (ctx.actor.kind !== 'user') throw notFound('That offer');
  const userId = ctx.actor.userId;
  return runBookingTx(ctx, async (c) => {
    const [peek] = await c.tx
      .select({ offer: dispatchOffers, servicemanUserId: servicemen.userId })
      .from(dispatchOffers)
      .innerJoin(servicemen, eq(servicemen.id, dispatchOffers.servicemanId))
      .where(eq(dispatchOffers.id, input.offerId));
    if (!peek || peek.servicemanUserId !== userId) throw notFound('That offer');
    // Booking row first, then the offer: the same order as cancellation and the sweeper.
    const [b] = await c.tx.select().from(bookings).where(eq(bookings.id, peek.offer.bookingId)).for('update');
    if (!b) throw notFound('That offer');
    const [offer] = await c.tx.select().from(dispatchOffers).where(eq(dispatchOffers.id, input.offerId)).for('update');
    if (offer.status !== 'open') throw new AppError('CONFLICT', `This offer is ${offer.status} and can no longer be answered.`, { offerStatus: offer.status });

    if (!input.accept) {
      await c.tx.update(dispatchOffers).set({ status: 'declined', respondedAt: c.now }).where(eq(dispatchOffers.id, offer.id));
      await resolveDeadlines(c.tx, b.id, ['offer_timeout'], 'cancelled', c.now);
      await recordAudit(c, { action: 'bookings.respond_offer', entityType: 'booking', entityId: b.id, tenantId: b.providerOrgId, data: { offerId: offer.id, accept: false } });
      await dispatchNext(c, b.id);
      return { bookingId: b.id, status: b.status };
    }

    const target = input.arrived ? 'in_progress' : 'scheduled';
    assertTransition(b.status, target, b.type);
    if (offer.expiresAt.getTime() <= c.now.getTime()) throw new AppError('CONFLICT', 'This offer has expired.', { offerStatus: 'expired' });

    const startsAt = c.now;
    const endsAt = new Date(startsAt.getTime() + b.durationMinutes * MINUTE);
    const window = occupiedWindow(startsAt, endsAt, b.bufferBeforeMinutes, b.bufferAfterMinutes);
    const supports = b.crewSize > 1 ? await eligibleNow(c.tx, b, c.now, { limit: b.crewSize - 1, exclude: [offer.servicemanId] }) : [];
    if (supports.length < b.crewSize - 1) throw new AppError('CONFLICT', 'Not enough crew is free right now to take this job.');
    const crew = { leadId: offer.servicemanId, supportIds: supports.map((s) => s.id) };
    const busy = await lockCrew(c.tx, { ids: [crew.leadId, ...crew.supportIds], providerOrgId: b.providerOrgId, window });
    if (busy.length) throw conflictBusy();
    await insertAssignments(c.tx, b.id, crew, window, c.now);
    await c.tx.update(dispatchOffers).set({ status: 'accepted', respondedAt: c.now }).where(eq(dispatchOffers.id, offer.id));
    await resolveDeadlines(c.tx, b.id, ['offer_timeout', 'acceptance_sla'], 'met', c.now);

    let row = await moveStatus(c, b, 'scheduled', {
      note: 'offer accepted',
      acceptedAfterMinutes: minutesBetween(b.createdAt, c.now),
      set: { startsAt, endsAt, acceptedAt: c.now },
    });
    await emitEvent(c, 'booking.crew_assigned', { bookingId: b.id, zoneId: b.zoneId, servicemanIds: [crew.leadId, ...crew.supportIds], via: 'offer' }, b.providerOrgId);
    if (input.arrived) {
      // Arrived on accepting: the on-demand shortcut awaiting_assignment → in_progress, recorded as
      // scheduled → in_progress in the same instant so the history shows both facts.
      row = await startJob(c, row);
    } else {
      const sla = await zoneSla(c.tx, b.zoneId);
      await addDeadline(c.tx, b.id, 'arrival_sla', arrivalDueAt('on_demand', c.now, null, sla));
      // The window starts now, so this records no reminder; kept so every "got its window" path
      // goes through the one reminder rule.
      await scheduleReminder(c.tx, row, c.now);
    }
    await notify(c.tx, [b.customerId], { kind: 'booking.crew_assigned', title: 'Your crew is on the way', href: bookingHref(b.id), businessKey: `booking:${b.id}:crew_assigned:${offer.id}` });
    await recordAudit(c, { action: 'bookings.respond_offer', entityType: 'booking', entityId: b.id, tenantId: b.providerOrgId, data: { offerId: offer.id, accept: true, arrived: !!input.arrived } });
    return { bookingId: b.id, status: row.status };
  });
}
