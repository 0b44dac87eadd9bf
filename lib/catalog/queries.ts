/** Reads of a provider's own services (provider panel), tenant-scoped by the actor. */
import { and, asc, eq, ne } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { serviceCategories, services } from '@/db/schema';
import { authorize } from '@/lib/core/auth/permissions';
import { exec, type Ctx } from '@/lib/core/context';
import { notFound } from '@/lib/core/errors';
import { toServiceView, type ServiceView } from './service-dto';
import type { ServiceStatus } from './schemas';
import { managedProviderOrgId } from './tenant';

export const serviceColumns = {
  id: services.id,
  title: services.title,
  description: services.description,
  categorySlug: serviceCategories.slug,
  categoryName: serviceCategories.name,
  priceMinor: services.priceMinor,
  currency: services.currency,
  taxInclusive: services.taxInclusive,
  durationMinutes: services.durationMinutes,
  crewSize: services.crewSize,
  bufferBeforeMinutes: services.bufferBeforeMinutes,
  bufferAfterMinutes: services.bufferAfterMinutes,
  minNoticeMinutes: services.minNoticeMinutes,
  requiresConfirmation: services.requiresConfirmation,
  confirmationWindowMinutes: services.confirmationWindowMinutes,
  status: services.status,
  updatedAt: services.updatedAt,
};

/** One service of `providerOrgId` as a DTO, or null (a foreign id looks exactly like a missing one). */
export async function findProviderService(ex: Executor, providerOrgId: string, serviceId: string): Promise<ServiceView | null> {
  const [row] = await ex
    .select(serviceColumns)
    .from(services)
    .innerJoin(serviceCategories, eq(serviceCategories.id, services.categoryId))
    .where(and(eq(services.id, serviceId), eq(services.providerOrgId, providerOrgId)));
  return row ? toServiceView(row) : null;
}

/** The caller provider's services, archived ones only when asked, by title. */
export async function listServices(ctx: Ctx, opts: { status?: ServiceStatus; includeArchived?: boolean } = {}): Promise<ServiceView[]> {
  authorize(ctx.actor, 'services.manage');
  const orgId = managedProviderOrgId(ctx.actor);
  const filters = [eq(services.providerOrgId, orgId)];
  if (opts.status) filters.push(eq(services.status, opts.status));
  else if (!opts.includeArchived) filters.push(ne(services.status, 'archived'));
  const rows = await exec(ctx)
    .select(serviceColumns)
    .from(services)
    .innerJoin(serviceCategories, eq(serviceCategories.id, services.categoryId))
    .where(and(...filters))
    .orderBy(asc(services.title), asc(services.id));
  return rows.map(toServiceView);
}

export async function getService(ctx: Ctx, serviceId: string): Promise<ServiceView> {
  authorize(ctx.actor, 'services.manage');
  const orgId = managedProviderOrgId(ctx.actor);
  if (!/^[0-9a-f-]{36}$/i.test(serviceId)) throw notFound('That service');
  const found = await findProviderService(exec(ctx), orgId, serviceId);
  if (!found) throw notFound('That service');
  return found;
}

export interface CategoryChoice {
  slug: string;
  name: string;
}

export async function listCategoryChoices(ctx: Ctx): Promise<CategoryChoice[]> {
  return exec(ctx).select({ slug: serviceCategories.slug, name: serviceCategories.name }).from(serviceCategories).orderBy(asc(serviceCategories.sortOrder), asc(serviceCategories.name));
}
