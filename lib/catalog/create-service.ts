import { eq } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { serviceCategories, services } from '@/db/schema';
import { emitEvent } from '@/lib/analytics/events';
import { recordAudit } from '@/lib/audit/record-audit';
import { authorize } from '@/lib/core/auth/permissions';
import { withTx, type Ctx } from '@/lib/core/context';
import { validation } from '@/lib/core/errors';
import { newId } from '@/lib/core/ids';
import { toMinor } from '@/lib/core/money';
import { parseInput } from '@/lib/core/validate';
import { findProviderService } from './queries';
import { createServiceInput } from './schemas';
import type { ServiceView } from './service-dto';
import { managedProviderOrgId } from './tenant';

/** The category id of a slug, or a 422 naming the field (never a foreign-key 500). */
export async function categoryIdOf(ex: Executor, slug: string): Promise<string> {
  const [cat] = await ex.select({ id: serviceCategories.id }).from(serviceCategories).where(eq(serviceCategories.slug, slug));
  if (!cat) throw validation({ categorySlug: ['is not a known category'] });
  return cat.id;
}

/**
 * A provider admin publishes a service for their own provider. The price is stored exactly as
 * minor units of its currency; bookings snapshot their quote, so later price edits never change
 * an existing booking.
 */
export async function createService(ctx: Ctx, raw: unknown): Promise<ServiceView> {
  authorize(ctx.actor, 'services.manage');
  const input = parseInput(createServiceInput, raw);
  const providerOrgId = managedProviderOrgId(ctx.actor);
  return withTx(ctx, async (c) => {
    const categoryId = await categoryIdOf(c.tx, input.categorySlug);
    const id = newId();
    await c.tx.insert(services).values({
      id,
      providerOrgId,
      categoryId,
      title: input.title,
      description: input.description,
      priceMinor: toMinor(input.priceMinor),
      currency: input.currency,
      taxInclusive: input.taxInclusive,
      durationMinutes: input.durationMinutes,
      crewSize: input.crewSize,
      bufferBeforeMinutes: input.bufferBeforeMinutes,
      bufferAfterMinutes: input.bufferAfterMinutes,
      minNoticeMinutes: input.minNoticeMinutes,
      requiresConfirmation: input.requiresConfirmation,
      confirmationWindowMinutes: input.confirmationWindowMinutes,
      status: input.status,
      createdAt: c.now,
      updatedAt: c.now,
    });
    await recordAudit(c, {
      action: 'services.create',
      entityType: 'service',
      entityId: id,
      tenantId: providerOrgId,
      data: { categorySlug: input.categorySlug, priceMinor: input.priceMinor, currency: input.currency, durationMinutes: input.durationMinutes, crewSize: input.crewSize, status: input.status },
    });
    await emitEvent(c, 'catalog.service_changed', { serviceId: id, providerOrgId, change: 'created', status: input.status }, providerOrgId);
    return (await findProviderService(c.tx, providerOrgId, id))!;
  });
}
