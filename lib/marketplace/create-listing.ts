import { listings } from '@/db/schema';
import { authorize } from '@/lib/core/auth/permissions';
import { withTx, type Ctx } from '@/lib/core/context';
import { newId } from '@/lib/core/ids';
import { parseInput } from '@/lib/core/validate';
import { managedProviderOrgId } from '@/lib/catalog/tenant';
import { photoIdsOf, recordStep, resolveBacking, setPhotos, toListingDto, type ListingDto } from './internal';
import { createListingInput } from './schemas';

/**
 * createListing(ctx, {kind, title, description, categoryId?, itemId | serviceId, priceMinor?,
 * photoFileIds?}) — a provider admin drafts a listing over one of its own active services or
 * inventory items (mode must fit the kind). Drafts need no compliance: publishing does.
 */
export async function createListing(ctx: Ctx, raw: unknown): Promise<ListingDto> {
  authorize(ctx.actor, 'listings.manage');
  const input = parseInput(createListingInput, raw);
  const orgId = managedProviderOrgId(ctx.actor);
  return withTx(ctx, async (c) => {
    const backing = await resolveBacking(c.tx, orgId, input);
    const id = newId();
    const [row] = await c.tx
      .insert(listings)
      .values({
        id,
        providerOrgId: orgId,
        kind: input.kind,
        title: input.title,
        description: input.description,
        categoryId: input.categoryId ?? backing.categoryId,
        itemId: backing.itemId,
        serviceId: backing.serviceId,
        priceMinor: backing.priceMinor,
        currency: backing.currency,
        status: 'draft',
        createdAt: c.now,
        updatedAt: c.now,
      })
      .returning();
    await setPhotos(c, id, input.photoFileIds);
    await recordStep(c, row!, { action: 'create', from: null, to: 'draft' });
    return toListingDto(row!, await photoIdsOf(c.tx, id));
  });
}
