/** Catalogue reads for the geo screens: categories (explorer filter, public) and a provider's services. */
import { and, asc, eq, ne } from 'drizzle-orm';
import { serviceCategories, services } from '@/db/schema';
import { authorize } from '@/lib/core/auth/permissions';
import { callerProviderOrgId } from './owner';
import { exec, type Ctx } from '@/lib/core/context';
import { db } from '@/db/client';

export interface CategoryOption {
  slug: string;
  name: string;
}

export async function listCategories(ctx?: Ctx): Promise<CategoryOption[]> {
  const x = ctx ? exec(ctx) : db();
  return x
    .select({ slug: serviceCategories.slug, name: serviceCategories.name })
    .from(serviceCategories)
    .orderBy(asc(serviceCategories.sortOrder), asc(serviceCategories.name));
}

export interface ProviderServiceOption {
  id: string;
  title: string;
  status: 'draft' | 'active' | 'paused' | 'archived';
  categorySlug: string;
}

/**
 * The services the calling provider admin can put on coverage (its own, not archived), including
 * ones not yet listed in any zone. Tenant-scoped by the actor's provider membership.
 */
export async function listProviderServices(ctx: Ctx): Promise<ProviderServiceOption[]> {
  authorize(ctx.actor, 'coverage.manage');
  const orgId = callerProviderOrgId(ctx.actor);
  return exec(ctx)
    .select({ id: services.id, title: services.title, status: services.status, categorySlug: serviceCategories.slug })
    .from(services)
    .innerJoin(serviceCategories, eq(serviceCategories.id, services.categoryId))
    .where(and(eq(services.providerOrgId, orgId), ne(services.status, 'archived')))
    .orderBy(asc(services.title), asc(services.id));
}
