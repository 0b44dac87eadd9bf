import { eq } from 'drizzle-orm';
import { listings } from '@/db/schema';
import { authorize } from '@/lib/core/auth/permissions';
import { withTx, type Ctx } from '@/lib/core/context';
import { conflict } from '@/lib/core/errors';
import { parseInput } from '@/lib/core/validate';
import { managedProviderOrgId } from '@/lib/catalog/tenant';
import { lockListing, photoIdsOf, recordStep, resolveBacking, setPhotos, toListingDto, type ListingDto } from './internal';
import { editableStatuses } from './policy';
import { updateListingInput } from './schemas';

/**
 * updateListing(ctx, {listingId, expectedVersion?, ...fields}) — the seller edits its listing.
 * Editing an APPROVED listing takes it off the marketplace and back to pending_review (version
 * bump), so what buyers see has always been reviewed. A suspended listing cannot be edited.
 */
export async function updateListing(ctx: Ctx, raw: unknown): Promise<ListingDto> {
  authorize(ctx.actor, 'listings.manage');
  const input = parseInput(updateListingInput, raw);
  const orgId = managedProviderOrgId(ctx.actor);
  return withTx(ctx, async (c) => {
    const l = await lockListing(c.tx, input.listingId, orgId);
    if (!editableStatuses.includes(l.status)) throw conflict(`This listing is ${l.status}; it cannot be edited until operations reinstate it.`, { from: l.status, to: l.status });
    if (input.expectedVersion !== undefined && input.expectedVersion !== l.version) {
      throw conflict('Someone changed this listing since you opened it. Reload to see the latest version.', { version: l.version });
    }
    const backing = await resolveBacking(c.tx, orgId, input);
    const backToReview = l.status === 'approved';
    const [row] = await c.tx
      .update(listings)
      .set({
        kind: input.kind,
        title: input.title,
        description: input.description,
        categoryId: input.categoryId ?? backing.categoryId,
        itemId: backing.itemId,
        serviceId: backing.serviceId,
        priceMinor: backing.priceMinor,
        currency: backing.currency,
        version: l.version + 1,
        updatedAt: c.now,
        ...(backToReview ? { status: 'pending_review' as const, submittedAt: c.now, decidedAt: null, decidedBy: null } : {}),
      })
      .where(eq(listings.id, l.id))
      .returning();
    await setPhotos(c, l.id, input.photoFileIds);
    await recordStep(c, row!, backToReview ? { action: 'edit_approved', from: 'approved', to: 'pending_review', data: { version: row!.version } } : { action: 'edit', from: l.status, to: l.status, data: { version: row!.version } });
    return toListingDto(row!, await photoIdsOf(c.tx, l.id));
  });
}
