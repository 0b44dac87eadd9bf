import { asc, eq } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { rentalCharges } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import { authorize } from '@/lib/core/auth/permissions';
import type { Ctx } from '@/lib/core/context';
import { AppError } from '@/lib/core/errors';
import { formatMajor, toMinor, toWire } from '@/lib/core/money';
import { parseInput } from '@/lib/core/validate';
import { settleRentalMoney } from '@/lib/finance/rental-money';
import { planSettlement, type ChargeLine, type SettlementPlan } from './policy';
import { loadRentalForWrite, moneyOf, moveRental, notifySide, requireSide, runRentalTx, type RentalRow } from './internal';
import { rentalIdInput } from './schemas';

export async function chargesOf(tx: Tx, rentalId: string): Promise<ChargeLine[]> {
  const rows = await tx.select().from(rentalCharges).where(eq(rentalCharges.rentalId, rentalId)).orderBy(asc(rentalCharges.createdAt), asc(rentalCharges.id));
  return rows.map((x) => ({ kind: x.kind, label: x.label, amountMinor: toMinor(x.amountMinor) }));
}

/** The settlement as stored on the row and shown to both parties (minor units as JSON numbers). */
export function settlementJson(r: Pick<RentalRow, 'currency' | 'rentalMinor' | 'deliveryFeeMinor' | 'serviceFeeMinor' | 'taxMinor' | 'totalMinor'>, plan: SettlementPlan) {
  return {
    currency: r.currency,
    rental: { rentalMinor: toWire(r.rentalMinor), deliveryFeeMinor: toWire(r.deliveryFeeMinor), serviceFeeMinor: toWire(r.serviceFeeMinor), taxMinor: toWire(r.taxMinor), totalMinor: toWire(r.totalMinor) },
    lines: plan.lines.map((l) => ({ key: l.key, label: l.label, amountMinor: toWire(l.amountMinor) })),
    chargesTotalMinor: toWire(plan.chargesTotalMinor),
    depositMinor: toWire(plan.depositMinor),
    depositChargedMinor: toWire(plan.depositChargedMinor),
    depositReleasedMinor: toWire(plan.depositReleasedMinor),
    balanceDueMinor: toWire(plan.balanceDueMinor),
  };
}
export type SettlementJson = ReturnType<typeof settlementJson>;

/**
 * settleRental(ctx, { rentalId }) — inspection_pending (inspected) → settled. Charges are netted
 * against the deposit (lib/rentals/policy planSettlement), a balance due is charged first (a
 * declined card → 409, the rental stays awaiting inspection), the deposit hold is captured in part
 * or released, the rental's escrow is released. The stored settlement is exactly what both see.
 */
export async function settleRental(ctx: Ctx, raw: unknown): Promise<{ rentalId: string; status: string; settlement: SettlementJson }> {
  authorize(ctx.actor, 'rentals.manage');
  const input = parseInput(rentalIdInput, raw);
  return runRentalTx(ctx, async (c) => {
    const { rental: r, sides } = await loadRentalForWrite(c, input.rentalId);
    requireSide(sides, 'provider', 'settle a rental');
    if (r.status !== 'inspection_pending') throw new AppError('CONFLICT', `A rental that is ${r.status.replace(/_/g, ' ')} cannot become settled.`, { from: r.status, to: 'settled' });
    if (!r.inspectedAt) throw new AppError('CONFLICT', 'Record the inspection before settling.', { from: r.status, to: 'settled', reason: 'not_inspected' });
    const plan = planSettlement(await chargesOf(c.tx, r.id), r.depositMinor);
    await settleRentalMoney(c, moneyOf(r), plan);
    const settlement = settlementJson(r, plan);
    const row = await moveRental(c, r, 'settled', `settled: charges ${formatMajor(plan.chargesTotalMinor, r.currency)}, deposit refunded ${formatMajor(plan.depositReleasedMinor, r.currency)}, balance ${formatMajor(plan.balanceDueMinor, r.currency)}`, {
      settledAt: c.now,
      settlement,
    });
    await notifySide(c, r, 'customer', {
      kind: 'rental.settled',
      title: `Rental ${r.reference} settled`,
      body: `Deposit refunded: ${formatMajor(plan.depositReleasedMinor, r.currency)} ${r.currency}${plan.balanceDueMinor ? `; balance charged: ${formatMajor(plan.balanceDueMinor, r.currency)} ${r.currency}` : ''}.`,
      key: 'settled',
    });
    await recordAudit(c, {
      action: 'rentals.settle',
      entityType: 'rental',
      entityId: r.id,
      tenantId: r.providerOrgId,
      data: { chargesTotalMinor: settlement.chargesTotalMinor, depositChargedMinor: settlement.depositChargedMinor, depositReleasedMinor: settlement.depositReleasedMinor, balanceDueMinor: settlement.balanceDueMinor },
    });
    return { rentalId: r.id, status: row.status, settlement };
  });
}
