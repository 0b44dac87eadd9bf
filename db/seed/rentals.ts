import { sql } from 'drizzle-orm';
import { rowsOf, type Tx } from '../client';
import type { Actor, Ctx } from '@/lib/core/context';
import { isAppError } from '@/lib/core/errors';
import { logger } from '@/lib/core/logger';
import { approveRental } from '@/lib/rentals/approve-rental';
import { checkoutRental } from '@/lib/rentals/checkout-rental';
import { inspectRental } from '@/lib/rentals/inspect-rental';
import { recordReturn } from '@/lib/rentals/record-return';
import { requestRental } from '@/lib/rentals/request-rental';
import { schedulePickup } from '@/lib/rentals/schedule-pickup';
import { settleRental } from '@/lib/rentals/settle-rental';
import { providerOrgId } from './catalog';
import { demoActor } from './identity';
import { demoProviderSlug } from './london-data';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const CARD = '4242424242424242';

/**
 * Demo rentals for customer@ with provider@'s tool-rental listings, made through the real verbs
 * (so stock moves, payments, ledger, timeline and audit are all genuine):
 *  - requested (drill, starts in 3 days), pickup_scheduled (2 ladders, tomorrow),
 *  - in_use (drill, due in 3 days), in_use OVERDUE (2 ladders, due yesterday — the e2e suite returns
 *    it late), settled with a late line and a damage charge (drill, earlier today).
 * Windows are relative to max(at, now) so they make sense whenever the seed runs. Verbs make their
 * own ids, so re-running is guarded by "customer@ already rents from this provider" instead of
 * deterministic ids. Skips quietly when the marketplace seed made no visible rental listing.
 */
export async function seedRentals(tx: Tx, at: Date): Promise<void> {
  const base = new Date(Math.floor(Math.max(at.getTime(), Date.now()) / HOUR) * HOUR);
  const org = providerOrgId(demoProviderSlug);
  const customer = demoActor('customer@fixnado.test');
  const provider = demoActor('provider@fixnado.test');
  const [done] = rowsOf<{ n: number }>(await tx.execute(sql`select count(*)::int as n from rentals where customer_id = ${customer.userId} and provider_org_id = ${org}`));
  if ((done?.n ?? 0) > 0) return;

  const listings = rowsOf<{ id: string; tracking: string; insurance_required: boolean }>(
    await tx.execute(sql`
      select l.id, i.tracking::text as tracking, i.insurance_required from listings l join inventory_items i on i.id = l.item_id
      where l.provider_org_id = ${org} and l.kind = 'tool_rental' and l.status = 'approved' and i.mode in ('rental', 'hybrid') and i.status = 'active' and not i.insurance_required
      order by i.tracking desc, l.created_at, l.id`),
  );
  const serialised = listings.find((l) => l.tracking === 'serialised');
  const bulk = listings.find((l) => l.tracking === 'bulk') ?? serialised;
  if (!serialised || !bulk) return;

  const ctx = (actor: Actor, now: Date): Ctx & { tx: Tx } => ({ actor, tx, requestId: 'seed-rentals', now });
  const request = async (now: Date, listingId: string, startsAt: Date, endsAt: Date, quantity = 1) =>
    (await requestRental(ctx(customer, now), { listingId, startsAt, endsAt, quantity, fulfilment: 'pickup', paymentMethod: CARD })).rentalId;
  const toPickup = async (now: Date, rentalId: string, pickupAt: Date) => {
    await approveRental(ctx(provider, now), { rentalId });
    await schedulePickup(ctx(provider, now), { rentalId, pickupAt });
  };

  try {
    // Settled earlier today: 1 h window, back 2 h late (1 late day at 1.5 ×), damaged chuck.
    const t0 = new Date(base.getTime() - 8 * HOUR);
    const settled = await request(t0, serialised.id, new Date(t0.getTime() + HOUR), new Date(t0.getTime() + 2 * HOUR));
    await toPickup(t0, settled, new Date(t0.getTime() + HOUR));
    await checkoutRental(ctx(provider, new Date(t0.getTime() + HOUR)), { rentalId: settled, condition: 'good', note: 'Two batteries, charger, bit set' });
    await recordReturn(ctx(provider, new Date(t0.getTime() + 4 * HOUR)), { rentalId: settled, condition: 'damaged', note: 'Chuck does not close' });
    await inspectRental(ctx(provider, new Date(t0.getTime() + 5 * HOUR)), {
      rentalId: settled,
      outcome: 'damaged',
      note: 'Chuck jaws bent; replaced',
      charges: [{ kind: 'damage', label: 'Replacement chuck', amountMinor: 2450n }],
    });
    await settleRental(ctx(provider, new Date(t0.getTime() + 5 * HOUR)), { rentalId: settled });

    // Overdue: 2 ladders due yesterday, still out.
    const t1 = new Date(base.getTime() - 3 * DAY);
    const overdue = await request(t1, bulk.id, new Date(t1.getTime() + HOUR), new Date(base.getTime() - DAY), 2);
    await toPickup(t1, overdue, new Date(t1.getTime() + HOUR));
    await checkoutRental(ctx(provider, new Date(t1.getTime() + HOUR)), { rentalId: overdue, condition: 'good' });

    // In use: drill out since an hour ago, due in 3 days.
    const t2 = new Date(base.getTime() - 2 * HOUR);
    const inUse = await request(t2, serialised.id, new Date(t2.getTime() + HOUR), new Date(base.getTime() + 3 * DAY));
    await toPickup(t2, inUse, new Date(t2.getTime() + HOUR));
    await checkoutRental(ctx(provider, new Date(t2.getTime() + HOUR)), { rentalId: inUse, condition: 'good' });

    // Pickup scheduled tomorrow (2 ladders), and a fresh request in 3 days (drill).
    const midnight = Math.floor(base.getTime() / DAY) * DAY;
    const tomorrow = new Date(midnight + DAY + 10 * HOUR);
    const scheduled = await request(base, bulk.id, tomorrow, new Date(tomorrow.getTime() + 2 * DAY), 2);
    await toPickup(base, scheduled, tomorrow);
    const later = new Date(midnight + 3 * DAY + 9 * HOUR);
    await request(base, serialised.id, later, new Date(later.getTime() + 2 * DAY));
  } catch (err) {
    // Another seed's data (stock, documents) may not allow a demo rental; the demo stays usable without it.
    if (isAppError(err) && ['NOT_FOUND', 'CONFLICT', 'PRECONDITION_FAILED'].includes(err.code)) {
      logger.warn({ code: err.code, message: err.message }, 'seedRentals: skipped the rest of the demo rentals');
      return;
    }
    throw err;
  }
}
