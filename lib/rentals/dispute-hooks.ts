/**
 * The rental side of the existing dispute flow (lib/disputes calls these inside its transaction):
 * - openRentalDispute: from in_use onward either party disputes; the rental goes `disputed`
 *   (remembering the state it interrupted) and cannot settle; amount = rental total + charges so far;
 * - resolveRentalDispute: a refund (full / partial) of the rental charge through the gateway and the
 *   ledger (out of escrow, the rest is released at settlement), then the rental returns to the
 *   state it was in so returns / inspection / settlement can finish; no refund → back as well;
 * - restoreRentalAfterDispute: a withdrawn dispute puts the rental back where it was.
 */
import { sql } from 'drizzle-orm';
import { rowsOf } from '@/db/client';
import { AppError } from '@/lib/core/errors';
import { toMinor } from '@/lib/core/money';
import { refundRentalCharge, rentalBalance, rentalPayment } from '@/lib/finance/rental-money';
import { recordAudit } from '@/lib/audit/record-audit';
import { loadRentalForWrite, moneyOf, moveRental, type RTx } from './internal';
import type { RentalStatus } from './policy';

const disputable: readonly RentalStatus[] = ['in_use', 'partially_returned', 'inspection_pending'];

export interface RentalDisputeSubject {
  rentalId: string;
  reference: string;
  side: 'customer' | 'provider';
  customerId: string;
  providerOrgId: string;
  currency: string;
  amountMinor: bigint;
}

export async function openRentalDispute(c: RTx, rentalId: string, note: string): Promise<RentalDisputeSubject> {
  const { rental: r, sides } = await loadRentalForWrite(c, rentalId);
  const side = sides.includes('customer') ? 'customer' : sides.includes('provider') ? 'provider' : null;
  if (!side) throw new AppError('FORBIDDEN', 'Only the renter or the provider’s admin can open a dispute on a rental.');
  if (!disputable.includes(r.status)) throw new AppError('CONFLICT', `A rental that is ${r.status.replace(/_/g, ' ')} cannot become disputed.`, { from: r.status, to: 'disputed' });
  const [ch] = rowsOf<{ total: string }>(await c.tx.execute(sql`select coalesce(sum(amount_minor), 0)::text as total from rental_charges where rental_id = ${r.id}`));
  await moveRental(c, r, 'disputed', note, { statusBeforeDispute: r.status });
  return { rentalId: r.id, reference: r.reference, side, customerId: r.customerId, providerOrgId: r.providerOrgId, currency: r.currency, amountMinor: r.totalMinor + toMinor(ch?.total ?? '0') };
}

/** What can still be refunded of the rental charge: min(captured − refunded, escrow held). */
export async function rentalRefundableMinor(c: RTx, rentalId: string): Promise<bigint> {
  const p = await rentalPayment(c.tx, rentalId, 'rental');
  if (!p || (p.status !== 'captured' && p.status !== 'partially_refunded')) return 0n;
  const held = -(await rentalBalance(c.tx, rentalId, 'escrow'));
  const left = p.capturedMinor - p.refundedMinor;
  return held < left ? held : left;
}

export async function resolveRentalDispute(
  c: RTx,
  input: { rentalId: string; disputeId: string; reference: string; round: number; refundMinor: bigint; alreadyRefundedMinor: bigint; outcomeLabel: string },
): Promise<{ rentalStatus: string; refundedNowMinor: bigint }> {
  const [row] = rowsOf<{ id: string }>(await c.tx.execute(sql`select id from rentals where id = ${input.rentalId} for update`));
  if (!row) throw new AppError('NOT_FOUND', 'That rental was not found.');
  // Operations act as the system here: the dispute verb has authorised them already.
  const sys: RTx = { ...c, actor: { kind: 'system', job: 'disputes.resolve', roles: [] } };
  const { rental: r } = await loadRentalForWrite(sys, input.rentalId);
  const delta = input.refundMinor - input.alreadyRefundedMinor;
  if (delta < 0n) throw new AppError('CONFLICT', 'Money already refunded cannot be taken back.', { refundedBeforeMinor: input.alreadyRefundedMinor.toString() });
  const refunded = delta > 0n ? await refundRentalCharge(c, moneyOf(r), delta, `dispute:${input.disputeId}:${input.round}`, `Rental ${r.reference}: dispute ${input.reference}`) : 0n;
  let status: string = r.status;
  if (r.status === 'disputed') {
    const back = r.statusBeforeDispute ?? 'inspection_pending';
    status = (await moveRental(c, r, back, `dispute ${input.reference} resolved: ${input.outcomeLabel.toLowerCase()}`, { statusBeforeDispute: null })).status;
  }
  await recordAudit(c, { action: 'rentals.dispute_resolved', entityType: 'rental', entityId: r.id, tenantId: r.providerOrgId, data: { disputeId: input.disputeId, refundedNowMinor: Number(refunded), status } });
  return { rentalStatus: status, refundedNowMinor: refunded };
}

export async function restoreRentalAfterDispute(c: RTx, rentalId: string, reference: string): Promise<string> {
  const sys: RTx = { ...c, actor: { kind: 'system', job: 'disputes.withdraw', roles: [] } };
  const { rental: r } = await loadRentalForWrite(sys, rentalId);
  if (r.status !== 'disputed') return r.status;
  return (await moveRental(c, r, r.statusBeforeDispute ?? 'inspection_pending', `dispute ${reference} withdrawn`, { statusBeforeDispute: null })).status;
}
