import { and, eq } from 'drizzle-orm';
import { services } from '@/db/schema';
import { emitEvent } from '@/lib/analytics/events';
import { recordAudit } from '@/lib/audit/record-audit';
import { authorize } from '@/lib/core/auth/permissions';
import { withTx, type Ctx } from '@/lib/core/context';
import { conflict, notFound } from '@/lib/core/errors';
import { parseInput } from '@/lib/core/validate';
import { findProviderService } from './queries';
import { setServiceStatusInput, type ServiceStatus } from './schemas';
import type { ServiceView } from './service-dto';
import { managedProviderOrgId } from './tenant';

/**
 * Which status changes a provider may make. Archiving is final (history and bookings keep
 * pointing at the row); everything else can move freely so a provider can pause and resume.
 */
export const serviceStatusTransitions: Record<ServiceStatus, readonly ServiceStatus[]> = {
  draft: ['active', 'paused', 'archived'],
  active: ['paused', 'draft', 'archived'],
  paused: ['active', 'draft', 'archived'],
  archived: [],
};

/** Publishes, pauses, returns to draft or archives one of the caller provider's services. */
export async function setServiceStatus(ctx: Ctx, raw: unknown): Promise<ServiceView> {
  authorize(ctx.actor, 'services.manage');
  const input = parseInput(setServiceStatusInput, raw);
  const providerOrgId = managedProviderOrgId(ctx.actor);
  return withTx(ctx, async (c) => {
    const [row] = await c.tx
      .select({ id: services.id, status: services.status })
      .from(services)
      .where(and(eq(services.id, input.serviceId), eq(services.providerOrgId, providerOrgId)))
      .for('update');
    if (!row) throw notFound('That service');
    if (row.status !== input.status) {
      if (!serviceStatusTransitions[row.status].includes(input.status)) {
        throw conflict(`A service cannot go from ${row.status} to ${input.status}.`, { from: row.status, to: input.status });
      }
      await c.tx.update(services).set({ status: input.status, updatedAt: c.now }).where(eq(services.id, row.id));
      await recordAudit(c, { action: 'services.set_status', entityType: 'service', entityId: row.id, tenantId: providerOrgId, data: { from: row.status, to: input.status } });
      await emitEvent(c, 'catalog.service_changed', { serviceId: row.id, providerOrgId, change: 'status', status: input.status }, providerOrgId);
    }
    return (await findProviderService(c.tx, providerOrgId, row.id))!;
  });
}
