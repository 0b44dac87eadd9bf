import { db } from '@/db/client';
import { rentalReservations, rentals } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import { emitEvent } from '@/lib/analytics/events';
import { authorize } from '@/lib/core/auth/permissions';
import type { Ctx } from '@/lib/core/context';
import { AppError } from '@/lib/core/errors';
import { newId } from '@/lib/core/ids';
import { toWire } from '@/lib/core/money';
import { parseInput } from '@/lib/core/validate';
import { personStatus, REQUIRED_RENTER_DOCS } from '@/lib/compliance/status';
import { authorizeRentalPayment } from '@/lib/finance/rental-money';
import { lockItem } from '@/lib/inventory/apply-move';
import { refuseUnavailableRental } from './availability-gate';
import { addTimeline, bulkCapacity, freeUnits, moneyOf, newRentalReference, normaliseRental, notifySide, reservedQuantity, runRentalTx } from './internal';
import { checkWindow, loadRentableListing, quoteRental } from './pricing';
import { requestInput } from './schemas';

const iso = (d: Date) => d.toISOString();

/**
 * requestRental(ctx, { listingId, startsAt, endsAt, quantity, fulfilment, deliveryAddress?, paymentMethod })
 * — a customer asks to rent from a visible tool-rental listing. Under the item's row lock the
 * window's availability is decided by the reservations (serialised: free units, one reservation
 * each — the exclusion constraint is the safety net; bulk: Σ overlapping ≤ on hand + out), the
 * quote is snapshotted and the rental total authorised on the card. 409 when not available, 412
 * when an insurance-required item's renter lacks documents.
 */
export async function requestRental(ctx: Ctx, raw: unknown): Promise<{ rentalId: string; reference: string; totalMinor: bigint; depositMinor: bigint }> {
  authorize(ctx.actor, 'rentals.request');
  const input = parseInput(requestInput, raw);
  if (ctx.actor.kind !== 'user') throw new AppError('UNAUTHENTICATED', 'Please sign in to continue.');
  const customerId = ctx.actor.userId;
  checkWindow(input.startsAt, input.endsAt, ctx.now);
  // Outside a caller's transaction (a server action), a certain loser leaves before opening one;
  // the HTTP route runs the same gate as its precheck.
  if (!ctx.tx) await refuseUnavailableRental(db(), input, ctx.now);
  return runRentalTx(ctx, async (c) => {
    const l = await loadRentableListing(c.tx, input.listingId, c.now);
    if (l.insuranceRequired) {
      const st = await personStatus(c.tx, { userId: customerId }, c.now, REQUIRED_RENTER_DOCS);
      if (!st.complete) {
        const missing = st.documents.filter((d) => d.state !== 'valid');
        throw new AppError('PRECONDITION_FAILED', `This item needs an approved ${missing.map((d) => d.label.toLowerCase()).join(' and ')} before you can rent it. Upload them at /account/documents.`, {
          missing: missing.map((d) => ({ docType: d.docType, label: d.label, state: d.state })),
          href: '/account/documents',
        });
      }
    }
    const q = await quoteRental(c.tx, l, input, c.now);
    const id = newId();
    const item = await lockItem(c.tx, l.itemId);

    // Availability under the item's row lock: concurrent requests for the same item queue here.
    let unitIds: string[] = [];
    if (item.tracking === 'serialised') {
      const free = await freeUnits(c.tx, item.id, input.startsAt, input.endsAt);
      if (free.length < input.quantity) {
        throw new AppError('CONFLICT', `Only ${free.length} available for those dates.`, { available: free.length, requested: input.quantity, field: 'quantity' });
      }
      unitIds = free.slice(0, input.quantity);
    } else {
      const used = await reservedQuantity(c.tx, item.id, input.startsAt, input.endsAt);
      const available = Math.max(0, bulkCapacity(item) - used);
      if (input.quantity > available) {
        throw new AppError('CONFLICT', `Only ${available} available for those dates.`, { available, requested: input.quantity, field: 'quantity' });
      }
    }

    const reference = newRentalReference();
    const [row] = await c.tx
      .insert(rentals)
      .values({
        id,
        reference,
        customerId,
        providerOrgId: l.providerOrgId,
        listingId: l.listingId,
        itemId: l.itemId,
        quantity: input.quantity,
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        originalEndsAt: input.endsAt,
        status: 'requested',
        fulfilment: input.fulfilment,
        deliveryAddress: input.fulfilment === 'delivery' ? input.deliveryAddress : null,
        dailyRateMinor: q.dailyRateMinor,
        depositMinor: q.depositMinor,
        rentalMinor: q.rentalMinor,
        deliveryFeeMinor: q.deliveryFeeMinor,
        serviceFeeMinor: q.serviceFeeMinor,
        taxMinor: q.taxMinor,
        totalMinor: q.totalMinor,
        currency: q.currency,
        paymentMethod: input.paymentMethod,
        createdAt: c.now,
        updatedAt: c.now,
      })
      .returning();
    const period = `[${iso(input.startsAt)},${iso(input.endsAt)})`;
    if (unitIds.length) {
      await c.tx.insert(rentalReservations).values(unitIds.map((unitId) => ({ id: newId(), rentalId: id, itemId: item.id, unitId, quantity: 1, period, createdAt: c.now })));
    } else {
      await c.tx.insert(rentalReservations).values({ id: newId(), rentalId: id, itemId: item.id, unitId: null, quantity: input.quantity, period, createdAt: c.now });
    }
    const r = normaliseRental(row!);
    await authorizeRentalPayment(c, moneyOf(r));
    await addTimeline(c, id, null, 'requested', `${input.quantity} × ${l.itemName}, ${q.days} day(s)`);
    await emitEvent(c, 'rental.status_changed', { rentalId: id, providerOrgId: l.providerOrgId, fromStatus: null, toStatus: 'requested' }, l.providerOrgId);
    await notifySide(c, r, 'provider', { kind: 'rental.requested', title: `New rental request ${reference}: ${input.quantity} × ${l.itemName}`, key: 'requested' });
    await recordAudit(c, {
      action: 'rentals.request',
      entityType: 'rental',
      entityId: id,
      tenantId: l.providerOrgId,
      data: { listingId: l.listingId, itemId: l.itemId, quantity: input.quantity, units: unitIds.length, totalMinor: toWire(q.totalMinor), depositMinor: toWire(q.depositMinor), fulfilment: input.fulfilment },
    });
    return { rentalId: id, reference, totalMinor: q.totalMinor, depositMinor: q.depositMinor };
  });
}
