import { and, eq } from 'drizzle-orm';
import type { Tx } from '../client';
import { reviews, services } from '../schema';
import { createBooking } from '@/lib/bookings/create-booking';
import { checkIn, completeBooking } from '@/lib/bookings/work';
import type { Ctx, UserActor } from '@/lib/core/context';
import { replyToReview } from '@/lib/reviews/reply-review';
import { createReview } from '@/lib/reviews/create-review';
import { demoActor } from './identity';
import { providerOrgId } from './catalog';
import { FINANCE_EFFECTIVE_FROM } from './finance';
import { seedId } from './ids';
import { demoProviderSlug } from './london-data';

const DAY = 86_400_000;
const HOUR = 3_600_000;
// Brixton, inside Lambeth (a zone Thames Home Services serves).
const BRIXTON = { lon: -0.1145, lat: 51.4613 };


const demoReviews: Array<{ customer: string; rating: number; body: string; reply?: string }> = [
  {
    customer: 'customer@fixnado.test',
    rating: 5,
    body: 'Fixed the dripping tap and rehung two doors in under an hour. Tidy, friendly and on time.',
    reply: 'Thank you, Chloe. Glad the doors close properly now!',
  },
  { customer: 'enterprise@fixnado.test', rating: 4, body: 'Good job on the shelving. Arrived ten minutes late but called ahead to say so.' },
  { customer: 'customer@fixnado.test', rating: 2, body: 'The job got done but dust was left all over the hallway.' },
];

/**
 * A few completed Handyman bookings at Thames Home Services with their reviews (one replied to),
 * made through the real verbs — booking, check-in, completion, review, reply — so the ledger,
 * audit trail and the provider's rating are exactly what the product would have produced. The
 * jobs are in the first weeks after `at` (January 2026 for the demo, long past). Skipped when the demo provider already has reviews (re-run).
 */
export async function seedReviews(tx: Tx, at: Date): Promise<void> {
  const orgId = providerOrgId(demoProviderSlug);
  const [existing] = await tx.select({ id: reviews.id }).from(reviews).where(eq(reviews.providerOrgId, orgId)).limit(1);
  if (existing) return;
  const [svc] = await tx
    .select({ id: services.id, durationMinutes: services.durationMinutes })
    .from(services)
    .where(and(eq(services.providerOrgId, orgId), eq(services.title, 'Handyman by the hour'), eq(services.status, 'active')));
  if (!svc) return;
  const admin = demoActor('provider@fixnado.test');
  const ctx = (actor: UserActor, now: Date): Ctx => ({ actor, tx, requestId: `seed-reviews-${now.getTime()}`, now });

  // Tuesdays at 10:00 UTC (10:00 or 11:00 in London: inside the crew's hours), booked three days
  // ahead, from the first week the seeded rates apply (a quote needs a tax rate in force).
  const base = new Date(Math.max(at.getTime(), FINANCE_EFFECTIVE_FROM.getTime()) + 3 * DAY);
  const firstTuesday = new Date(Date.UTC(base.getUTCFullYear(), base.getUTCMonth(), base.getUTCDate(), 10));
  while (firstTuesday.getUTCDay() !== 2) firstTuesday.setTime(firstTuesday.getTime() + DAY);

  for (const [i, r] of demoReviews.entries()) {
    const start = new Date(firstTuesday.getTime() + i * 7 * DAY);
    const customer = demoActor(r.customer);
    const { booking } = await createBooking(ctx(customer, new Date(start.getTime() - 3 * DAY)), {
      serviceId: svc.id,
      type: 'scheduled',
      startsAt: start.toISOString(),
      location: BRIXTON,
      addressLine: `${12 + i} Electric Avenue, London SW9 8JX`,
      paymentMethod: 'pm_card_visa',
      idempotencyKey: `seed-review-booking-${i}`,
    });
    await checkIn(ctx(admin, start), { bookingId: booking.id });
    await completeBooking(ctx(admin, new Date(start.getTime() + svc.durationMinutes * 60_000)), { bookingId: booking.id });
    const review = await createReview(ctx(customer, new Date(start.getTime() + 20 * HOUR)), { bookingId: booking.id, rating: r.rating, body: r.body });
    if (r.reply) await replyToReview(ctx(admin, new Date(start.getTime() + 30 * HOUR)), { reviewId: review.id, reply: r.reply });
  }
}
