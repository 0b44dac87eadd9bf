import { asc, eq } from 'drizzle-orm';
import { rentalCharges, rentalReturns, rentals } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import { authorize } from '@/lib/core/auth/permissions';
import type { Ctx } from '@/lib/core/context';
import { AppError } from '@/lib/core/errors';
import { newId } from '@/lib/core/ids';
import { formatMajor, toWire } from '@/lib/core/money';
import { parseInput } from '@/lib/core/validate';
import { raiseAlert } from '@/lib/inventory/alert-hooks';
import { lateCharge } from './policy';
import { actorUserId, addTimeline, loadRentalForWrite, notifySide, requireSide, runRentalTx, type RTx, type RentalRow } from './internal';
import { storeRentalPhotos } from './photos';
import { inspectInput } from './schemas';

/** The automatic late lines: one per late return, late days × daily rate × 1.5 × units, half-up. */
export async function lateLines(c: Pick<RTx, 'tx'>, r: Pick<RentalRow, 'id' | 'dailyRateMinor' | 'currency'>) {
  const returns = await c.tx.select().from(rentalReturns).where(eq(rentalReturns.rentalId, r.id)).orderBy(asc(rentalReturns.returnedAt), asc(rentalReturns.id));
  return returns
    .filter((x) => x.lateDays > 0)
    .map((x) => ({
      kind: 'late' as const,
      label: `Late return: ${x.lateDays} day${x.lateDays === 1 ? '' : 's'} × ${x.quantity} unit${x.quantity === 1 ? '' : 's'} × 1.5 × ${formatMajor(r.dailyRateMinor, r.currency)}`,
      amountMinor: lateCharge(r.dailyRateMinor, x.lateDays, x.quantity),
    }));
}

/**
 * inspectRental(ctx, { rentalId, outcome, note, charges[], photos }) — the provider inspects what
 * came back (status stays inspection_pending until settlement). Itemised charges are recorded with
 * the automatic late lines; a damaged outcome raises a damage_reported alert. Once per rental.
 */
export async function inspectRental(ctx: Ctx, raw: unknown): Promise<{ rentalId: string; chargeIds: string[]; chargesTotalMinor: bigint }> {
  authorize(ctx.actor, 'rentals.manage');
  const input = parseInput(inspectInput, raw);
  return runRentalTx(ctx, async (c) => {
    const { rental: r, sides } = await loadRentalForWrite(c, input.rentalId);
    requireSide(sides, 'provider', 'inspect a rental');
    if (r.status !== 'inspection_pending') throw new AppError('CONFLICT', `A rental that is ${r.status.replace(/_/g, ' ')} cannot be inspected; all units must be back first.`, { from: r.status, to: 'inspection_pending' });
    if (r.inspectedAt) throw new AppError('CONFLICT', 'This rental was already inspected; settle it.', { from: r.status, to: 'inspection_pending', inspectedAt: r.inspectedAt.toISOString() });
    if (input.outcome === 'clear' && input.charges.some((x) => x.kind === 'damage' || x.kind === 'loss')) {
      throw new AppError('VALIDATION', 'A clear inspection cannot carry damage or loss charges.', { fieldErrors: { outcome: ['choose damaged or partial for damage or loss charges'] } });
    }
    const lines = [...(await lateLines(c, r)), ...input.charges];
    const me = actorUserId(c);
    const chargeIds: string[] = [];
    for (const l of lines) {
      const id = newId();
      await c.tx.insert(rentalCharges).values({ id, rentalId: r.id, kind: l.kind, label: l.label, amountMinor: l.amountMinor, createdBy: me, createdAt: c.now });
      chargeIds.push(id);
    }
    await storeRentalPhotos(c, r.id, 'inspection', input.photos);
    await c.tx
      .update(rentals)
      .set({ inspectionOutcome: input.outcome, inspectionNote: input.note, inspectedAt: c.now, updatedAt: c.now })
      .where(eq(rentals.id, r.id));
    const total = lines.reduce((a, l) => a + l.amountMinor, 0n);
    await addTimeline(c, r.id, r.status, r.status, `inspected: ${input.outcome}${total ? `, charges ${formatMajor(total, r.currency)}` : ''}${input.note ? ` — ${input.note}` : ''}`);
    if (input.outcome === 'damaged') {
      await raiseAlert(c, { itemId: r.itemId, providerOrgId: r.providerOrgId, kind: 'damage_reported', rentalId: r.id, detail: `Rental ${r.reference}: ${input.note || 'damage reported at inspection'}` });
    }
    await notifySide(c, r, 'customer', { kind: 'rental.inspected', title: `Rental ${r.reference} inspected: ${input.outcome}`, body: total ? `Charges: ${formatMajor(total, r.currency)} ${r.currency}.` : 'No charges.', key: 'inspected' });
    await recordAudit(c, { action: 'rentals.inspect', entityType: 'rental', entityId: r.id, tenantId: r.providerOrgId, data: { outcome: input.outcome, charges: lines.length, chargesTotalMinor: toWire(total), photos: input.photos.length } });
    return { rentalId: r.id, chargeIds, chargesTotalMinor: total };
  });
}
