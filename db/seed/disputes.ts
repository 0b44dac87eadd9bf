import { and, eq } from 'drizzle-orm';
import type { Tx } from '../client';
import { disputes, services } from '../schema';
import { createBooking } from '@/lib/bookings/create-booking';
import { checkIn, completeBooking } from '@/lib/bookings/work';
import type { Ctx, UserActor } from '@/lib/core/context';
import { openDispute } from '@/lib/disputes/open-dispute';
import { resolveDispute } from '@/lib/disputes/resolve-dispute';
import { respondToDispute } from '@/lib/disputes/respond-to-dispute';
import { demoActor } from './identity';
import { providerOrgId } from './catalog';
import { FINANCE_EFFECTIVE_FROM } from './finance';
import { seedId } from './ids';
import { demoProviderSlug } from './london-data';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const BRIXTON = { lon: -0.1145, lat: 51.4613 };


/**
 * Two disputes on completed Handyman jobs at Thames Home Services, through the real verbs: one
 * answered by the provider and resolved by operations with a partial refund (ledger, credit note
 * and timeline as the product makes them), one still waiting for the provider's response. The
 * jobs are some weeks after the review jobs. Skipped when the demo provider already has disputes.
 */
export async function seedDisputes(tx: Tx, at: Date): Promise<void> {
  const orgId = providerOrgId(demoProviderSlug);
  const [existing] = await tx.select({ id: disputes.id }).from(disputes).where(eq(disputes.providerOrgId, orgId)).limit(1);
  if (existing) return;
  const [svc] = await tx
    .select({ id: services.id, durationMinutes: services.durationMinutes })
    .from(services)
    .where(and(eq(services.providerOrgId, orgId), eq(services.title, 'Handyman by the hour'), eq(services.status, 'active')));
  if (!svc) return;
  const admin = demoActor('provider@fixnado.test');
  const customer = demoActor('customer@fixnado.test');
  const ops = demoActor('operations@fixnado.test');
  const ctx = (actor: UserActor, now: Date): Ctx => ({ actor, tx, requestId: `seed-disputes-${now.getTime()}`, now });

  const base = new Date(Math.max(at.getTime(), FINANCE_EFFECTIVE_FROM.getTime()) + 3 * DAY);
  const tuesday = new Date(Date.UTC(base.getUTCFullYear(), base.getUTCMonth(), base.getUTCDate(), 14));
  while (tuesday.getUTCDay() !== 2) tuesday.setTime(tuesday.getTime() + DAY);

  const jobs = [
    { week: 5, reason: 'The new shelf came away from the wall two days later and cracked the plaster below it.', resolved: true },
    { week: 6, reason: 'Only one of the two doors was rehung; the second still sticks and will not close.', resolved: false },
  ];
  for (const [i, j] of jobs.entries()) {
    const start = new Date(tuesday.getTime() + j.week * 7 * DAY);
    const { booking } = await createBooking(ctx(customer, new Date(start.getTime() - 3 * DAY)), {
      serviceId: svc.id,
      type: 'scheduled',
      startsAt: start.toISOString(),
      location: BRIXTON,
      addressLine: `${40 + i} Coldharbour Lane, London SW9 8LF`,
      paymentMethod: 'pm_card_visa',
      idempotencyKey: `seed-dispute-booking-${i}`,
    });
    await checkIn(ctx(admin, start), { bookingId: booking.id });
    const done = new Date(start.getTime() + svc.durationMinutes * 60_000);
    await completeBooking(ctx(admin, done), { bookingId: booking.id });
    const opened = await openDispute(ctx(customer, new Date(done.getTime() + 2 * DAY)), { subjectKind: 'booking', subjectId: booking.id, reasonCode: j.resolved ? 'damage' : 'quality', reason: j.reason });
    if (!j.resolved) continue;
    await respondToDispute(ctx(admin, new Date(done.getTime() + 3 * DAY)), {
      disputeId: opened.disputeId,
      response: 'The shelf was fixed with the plugs the customer supplied; we will refit it, but the plaster was already loose.',
    });
    await resolveDispute(ctx(ops, new Date(done.getTime() + 4 * DAY + 2 * HOUR)), {
      disputeId: opened.disputeId,
      outcome: 'partial_refund',
      refundMinor: 2_000,
      note: 'Both accounts are plausible: £20 back towards the plaster repair, the rest of the job stands.',
    });
  }
}
