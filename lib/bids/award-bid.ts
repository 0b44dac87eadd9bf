/**
 * awardBid(ctx, raw) — the job's customer awards one active bid. In ONE transaction: the job row is
 * locked (a second award waits, then sees "awarded"), the winner's booking is created through the
 * booking orchestrator at the bid price (its service in the job's category, the slot the customer
 * picked from the winner's real availability, the payment hold), the winner becomes awarded, every
 * other active bid declined, and the job awarded. A taken slot is a 409 with alternatives and
 * rolls everything back: nothing is awarded. The partial unique indexes (one awarded bid per job,
 * one booking per bid) are the net under the lock.
 */
import { sql } from 'drizzle-orm';
import { rowsOf, type Executor } from '@/db/client';
import { emitEvent } from '@/lib/analytics/events';
import { recordAudit } from '@/lib/audit/record-audit';
import { createBookingInTx } from '@/lib/bookings/create-booking';
import { runBookingTx, slotTaken } from '@/lib/bookings/internal';
import { createBookingInput } from '@/lib/bookings/schemas';
import { authorize } from '@/lib/core/auth/permissions';
import type { Ctx, UserActor } from '@/lib/core/context';
import { AppError, notFound, validation } from '@/lib/core/errors';
import { toWire } from '@/lib/core/money';
import { parseInput } from '@/lib/core/validate';
import { mailMoney } from '@/lib/bookings/mail-text';
import { customerJobHref, loadBid, lockJob, notify, notifyProviderAdmins, providerJobHref, providerName } from './internal';
import { awardBidInput, type AwardBidResult } from './schemas';

/**
 * The winner's service the booking uses: active, in the job's category; one that covers the job's
 * place comes first (the orchestrator checks coverage), then the oldest.
 */
export async function winnerService(ex: Executor, q: { providerOrgId: string; categoryId: string; lon: number; lat: number }): Promise<string | null> {
  const [r] = rowsOf<{ id: string }>(
    await ex.execute(sql`
      select s.id::text from services s
       where s.provider_org_id = ${q.providerOrgId}::uuid and s.category_id = ${q.categoryId}::uuid and s.status = 'active'
       order by exists (
         select 1 from zone_coverage zc join zones z on z.id = zc.zone_id and z.status = 'active'
          where zc.service_id = s.id and (zc.effective_to is null or zc.effective_to > now())
            and ST_Intersects(z.geom, ST_SetSRID(ST_MakePoint(${q.lon}::float8, ${q.lat}::float8), 4326))) desc,
         s.created_at, s.id
       limit 1`),
  );
  return r?.id ?? null;
}

export async function awardBid(ctx: Ctx, raw: unknown): Promise<AwardBidResult> {
  authorize(ctx.actor, 'bids.award');
  const input = parseInput(awardBidInput, raw);
  const actor = ctx.actor as UserActor;
  const startsAt = new Date(input.startsAt);
  let serviceForConflict: string | null = null;
  return runBookingTx(
    ctx,
    async (c) => {
      const tx = c.tx;
      const job = await lockJob(tx, input.jobId);
      if (job.customerId !== actor.userId) throw notFound('That job');
      if (job.status === 'awarded' || job.status === 'cancelled') throw new AppError('CONFLICT', `This job is already ${job.status}.`, { jobStatus: job.status });
      const bid = await loadBid(tx, input.bidId, true);
      if (!bid || bid.jobId !== job.id) throw notFound('That bid');
      if (bid.status !== 'active') throw new AppError('CONFLICT', `This bid is ${bid.status} and cannot be awarded.`, { bidStatus: bid.status });

      const serviceId = await winnerService(tx, { providerOrgId: bid.providerOrgId, categoryId: job.categoryId, lon: input.location?.lon ?? job.lon, lat: input.location?.lat ?? job.lat });
      if (!serviceId) throw validation({ bidId: ['this provider no longer offers a service in the job\u2019s category'] });
      serviceForConflict = serviceId;

      const booking = await createBookingInTx(
        c,
        actor,
        parseInput(createBookingInput, {
          serviceId,
          type: 'scheduled',
          startsAt: input.startsAt,
          location: input.location ?? { lon: job.lon, lat: job.lat },
          addressLine: input.addressLine ?? job.addressLine,
          notes: input.notes ?? `Custom job ${job.reference}: ${job.title}`,
          paymentMethod: input.paymentMethod,
        }),
        { priceOverride: { amountMinor: bid.amountMinor, currency: bid.currency }, bidId: bid.id },
      );
      const bookingId = booking.booking.id;
      const at = ctx.now.toISOString();

      await tx.execute(sql`update bids set status = 'awarded', decided_at = ${at}::timestamptz, updated_at = ${at}::timestamptz where id = ${bid.id}::uuid`);
      const declined = rowsOf<{ id: string; provider_org_id: string }>(
        await tx.execute(sql`
          update bids set status = 'declined', decided_at = ${at}::timestamptz, updated_at = ${at}::timestamptz
           where job_id = ${job.id}::uuid and status = 'active' and id <> ${bid.id}::uuid
          returning id::text, provider_org_id::text`),
      );
      await tx.execute(sql`
        update custom_jobs set status = 'awarded', awarded_bid_id = ${bid.id}::uuid, version = version + 1, updated_at = ${at}::timestamptz
         where id = ${job.id}::uuid`);

      await emitEvent(c, 'bid.awarded', { bidId: bid.id, jobId: job.id, providerOrgId: bid.providerOrgId, bookingId, amountMinor: toWire(bid.amountMinor), currency: bid.currency }, bid.providerOrgId);
      for (const d of declined) await emitEvent(c, 'bid.declined', { bidId: d.id, jobId: job.id, providerOrgId: d.provider_org_id, via: 'award' }, d.provider_org_id);
      await recordAudit(c, {
        action: 'bids.award',
        entityType: 'custom_job',
        entityId: job.id,
        tenantId: bid.providerOrgId,
        data: { bidId: bid.id, bookingId, amountMinor: bid.amountMinor.toString(), currency: bid.currency, declinedBidIds: declined.map((d) => d.id) },
      });

      const winner = await providerName(tx, bid.providerOrgId);
      await notifyProviderAdmins(tx, bid.providerOrgId, ctx.now, {
        kind: 'bid.awarded',
        title: `You won "${job.title}"`,
        body: `Your bid of ${mailMoney(bid.amountMinor, bid.currency)} was accepted; the booking is in your calendar.`,
        href: providerJobHref(job.id),
        businessKey: `bid:${bid.id}:awarded`,
      });
      for (const d of declined) {
        await notifyProviderAdmins(tx, d.provider_org_id, ctx.now, {
          kind: 'bid.declined',
          title: `Bid declined: "${job.title}"`,
          body: 'The customer chose another provider for this job.',
          href: providerJobHref(job.id),
          businessKey: `bid:${d.id}:declined`,
        });
      }
      await notify(tx, [actor.userId], {
        kind: 'job.awarded',
        title: `"${job.title}" awarded to ${winner}`,
        body: `Booked at ${mailMoney(bid.amountMinor, bid.currency)} before fees and tax.`,
        href: customerJobHref(job.id),
        businessKey: `job:${job.id}:awarded`,
      });
      return { jobId: job.id, bidId: bid.id, bookingId, declinedBidIds: declined.map((d) => d.id), payment: booking.payment };
    },
    () => slotTaken(serviceForConflict ?? input.bidId, startsAt),
  );
}
