import { eq } from 'drizzle-orm';
import { servicemen } from '@/db/schema';
import { emitEvent } from '@/lib/analytics/events';
import { recordAudit } from '@/lib/audit/record-audit';
import { authorize } from '@/lib/core/auth/permissions';
import { withTx, type Ctx } from '@/lib/core/context';
import { conflict, notFound } from '@/lib/core/errors';
import { parseInput } from '@/lib/core/validate';
import { assertSkillsExist, canAdminister, loadServicemanForWrite } from './access';
import { servicemanStatuses, setServicemanStatusInput, updateServicemanInput } from './schemas';

/** Edits a crew member's name, skills, zone or lead ability (provider admin of that crew only). */
export async function updateServiceman(ctx: Ctx, raw: unknown): Promise<{ servicemanId: string; fields: string[] }> {
  authorize(ctx.actor, 'crew.manage');
  const input = parseInput(updateServicemanInput, raw);
  return withTx(ctx, async (c) => {
    const row = await loadServicemanForWrite(c, input.servicemanId, false);
    if (!canAdminister(c.actor, row)) throw notFound('That crew member');
    if (input.skills) await assertSkillsExist(c.tx, input.skills);
    const set: Partial<typeof servicemen.$inferInsert> = {};
    const fields: string[] = [];
    if (input.displayName !== undefined && input.displayName !== row.displayName) (set.displayName = input.displayName), fields.push('displayName');
    if (input.timeZone !== undefined && input.timeZone !== row.timeZone) (set.timeZone = input.timeZone), fields.push('timeZone');
    if (input.canLead !== undefined && input.canLead !== row.canLead) (set.canLead = input.canLead), fields.push('canLead');
    if (input.skills !== undefined && input.skills.join(',') !== [...row.skills].sort().join(',')) (set.skills = input.skills), fields.push('skills');
    if (fields.length) {
      set.updatedAt = c.now;
      await c.tx.update(servicemen).set(set).where(eq(servicemen.id, row.id));
      await recordAudit(c, {
        action: 'crew.update',
        entityType: 'serviceman',
        entityId: row.id,
        tenantId: row.providerOrgId,
        data: { fields, ...(set.skills ? { skills: set.skills } : {}), ...(set.timeZone ? { timeZone: set.timeZone } : {}) },
      });
      await emitEvent(c, 'crew.availability_changed', { servicemanId: row.id, providerOrgId: row.providerOrgId, change: 'updated' }, row.providerOrgId);
    }
    return { servicemanId: row.id, fields };
  });
}

/**
 * Activates or deactivates a crew member. Inactive people get no new slots or offers; bookings
 * they already hold stay with them until reassigned (the provider decides).
 */
export async function setServicemanStatus(ctx: Ctx, raw: unknown): Promise<{ servicemanId: string; status: (typeof servicemanStatuses)[number] }> {
  authorize(ctx.actor, 'crew.manage');
  const input = parseInput(setServicemanStatusInput, raw);
  return withTx(ctx, async (c) => {
    const row = await loadServicemanForWrite(c, input.servicemanId, false);
    if (input.status === 'invited' && row.status !== 'invited') throw conflict('A crew member who joined cannot go back to invited.', { from: row.status, to: input.status });
    if (row.status !== input.status) {
      await c.tx.update(servicemen).set({ status: input.status, updatedAt: c.now }).where(eq(servicemen.id, row.id));
      await recordAudit(c, { action: 'crew.set_status', entityType: 'serviceman', entityId: row.id, tenantId: row.providerOrgId, data: { from: row.status, to: input.status } });
      await emitEvent(c, 'crew.availability_changed', { servicemanId: row.id, providerOrgId: row.providerOrgId, change: 'status' }, row.providerOrgId);
    }
    return { servicemanId: row.id, status: input.status };
  });
}
