import { and, eq } from 'drizzle-orm';
import { services } from '@/db/schema';
import { emitEvent } from '@/lib/analytics/events';
import { recordAudit } from '@/lib/audit/record-audit';
import { authorize } from '@/lib/core/auth/permissions';
import { withTx, type Ctx } from '@/lib/core/context';
import { conflict, notFound, validation } from '@/lib/core/errors';
import { toMinor } from '@/lib/core/money';
import { parseInput } from '@/lib/core/validate';
import { categoryIdOf } from './create-service';
import { findProviderService } from './queries';
import { updateServiceInput } from './schemas';
import type { ServiceView } from './service-dto';
import { managedProviderOrgId } from './tenant';

const plainFields = [
  'title',
  'description',
  'currency',
  'taxInclusive',
  'durationMinutes',
  'crewSize',
  'bufferBeforeMinutes',
  'bufferAfterMinutes',
  'minNoticeMinutes',
  'requiresConfirmation',
  'confirmationWindowMinutes',
] as const;

/**
 * Edits one of the caller provider's services; only fields that are sent and differ change.
 * Another provider's service is NOT_FOUND. Archived services are read-only. Existing bookings keep
 * their quote snapshot and window, so edits affect only new bookings.
 */
export async function updateService(ctx: Ctx, raw: unknown): Promise<ServiceView> {
  authorize(ctx.actor, 'services.manage');
  const input = parseInput(updateServiceInput, raw);
  const providerOrgId = managedProviderOrgId(ctx.actor);
  return withTx(ctx, async (c) => {
    const [row] = await c.tx
      .select()
      .from(services)
      .where(and(eq(services.id, input.serviceId), eq(services.providerOrgId, providerOrgId)))
      .for('update');
    if (!row) throw notFound('That service');
    if (row.status === 'archived') throw conflict('This service is archived and can no longer be changed.');
    // Minor units mean different amounts in different currencies (pence vs yen): never reinterpret
    // a stored price silently.
    if (input.currency !== undefined && input.currency !== row.currency.trim() && input.priceMinor === undefined) {
      throw validation({ priceMinor: ['is required when the currency changes'] });
    }
    const set: Partial<typeof services.$inferInsert> = {};
    const changed: string[] = [];
    for (const key of plainFields) {
      const value = input[key];
      const current = key === 'currency' ? row.currency.trim() : row[key];
      if (value !== undefined && value !== current) {
        (set as Record<string, unknown>)[key] = value;
        changed.push(key);
      }
    }
    if (input.priceMinor !== undefined && toMinor(input.priceMinor) !== row.priceMinor) {
      set.priceMinor = toMinor(input.priceMinor);
      changed.push('priceMinor');
    }
    if (input.categorySlug !== undefined) {
      const categoryId = await categoryIdOf(c.tx, input.categorySlug);
      if (categoryId !== row.categoryId) {
        set.categoryId = categoryId;
        changed.push('categorySlug');
      }
    }
    if (changed.length) {
      set.updatedAt = c.now;
      await c.tx.update(services).set(set).where(eq(services.id, row.id));
      await recordAudit(c, {
        action: 'services.update',
        entityType: 'service',
        entityId: row.id,
        tenantId: providerOrgId,
        data: { fields: changed, ...(set.priceMinor !== undefined ? { priceMinor: input.priceMinor, previousPriceMinor: row.priceMinor.toString() } : {}) },
      });
      await emitEvent(c, 'catalog.service_changed', { serviceId: row.id, providerOrgId, change: 'updated', status: row.status }, providerOrgId);
    }
    return (await findProviderService(c.tx, providerOrgId, row.id))!;
  });
}
