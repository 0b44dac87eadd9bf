import { eq } from 'drizzle-orm';
import { listings } from '@/db/schema';
import { authorize } from '@/lib/core/auth/permissions';
import { withTx, type Ctx } from '@/lib/core/context';
import { parseInput } from '@/lib/core/validate';
import { managedProviderOrgId } from '@/lib/catalog/tenant';
import { conflictTransition, lockListing, photoIdsOf, recordStep, toListingDto, type ListingDto } from './internal';
import { canTransition } from './policy';
import { listingIdInput } from './schemas';

/** withdrawListing(ctx, {listingId}) — the seller takes a pending, live or rejected listing back to draft. */
export async function withdrawListing(ctx: Ctx, raw: unknown): Promise<ListingDto> {
  authorize(ctx.actor, 'listings.manage');
  const { listingId } = parseInput(listingIdInput, raw);
  const orgId = managedProviderOrgId(ctx.actor);
  return withTx(ctx, async (c) => {
    const l = await lockListing(c.tx, listingId, orgId);
    if (!canTransition('withdraw', l.status)) throw conflictTransition('listing', l.status, 'draft');
    const [row] = await c.tx.update(listings).set({ status: 'draft', statusReason: null, updatedAt: c.now }).where(eq(listings.id, l.id)).returning();
    await recordStep(c, row!, { action: 'withdraw', from: l.status, to: 'draft' });
    return toListingDto(row!, await photoIdsOf(c.tx, l.id));
  });
}
