import { eq } from 'drizzle-orm';
import { servicemanHours } from '@/db/schema';
import { emitEvent } from '@/lib/analytics/events';
import { recordAudit } from '@/lib/audit/record-audit';
import { withTx, type Ctx } from '@/lib/core/context';
import { newId } from '@/lib/core/ids';
import { parseInput } from '@/lib/core/validate';
import { authorizeCrewWrite, loadServicemanForWrite } from './access';
import { setWeeklyHoursInput } from './schemas';

/**
 * Replaces all weekly working hours of one crew member (local wall clock in his own zone) in one
 * transaction under his row lock: delete + insert, so a concurrent edit never interleaves rows.
 * Bookings already made keep their windows; only future slot generation changes.
 */
export async function setWeeklyHours(ctx: Ctx, raw: unknown): Promise<{ servicemanId: string; count: number }> {
  authorizeCrewWrite(ctx.actor, true);
  const input = parseInput(setWeeklyHoursInput, raw);
  return withTx(ctx, async (c) => {
    const row = await loadServicemanForWrite(c, input.servicemanId, true);
    const sorted = [...input.hours].sort((a, b) => a.weekday - b.weekday || a.startsAt.localeCompare(b.startsAt));
    await c.tx.delete(servicemanHours).where(eq(servicemanHours.servicemanId, row.id));
    if (sorted.length) {
      await c.tx.insert(servicemanHours).values(sorted.map((h) => ({ id: newId(), servicemanId: row.id, weekday: h.weekday, startsAt: h.startsAt, endsAt: h.endsAt })));
    }
    await recordAudit(c, {
      action: 'crew.set_hours',
      entityType: 'serviceman',
      entityId: row.id,
      tenantId: row.providerOrgId,
      data: { hours: sorted.map((h) => `${h.weekday} ${h.startsAt}-${h.endsAt}`) },
    });
    await emitEvent(c, 'crew.availability_changed', { servicemanId: row.id, providerOrgId: row.providerOrgId, change: 'hours' }, row.providerOrgId);
    return { servicemanId: row.id, count: sorted.length };
  });
}
