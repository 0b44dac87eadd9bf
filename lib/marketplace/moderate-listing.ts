import { eq } from 'drizzle-orm';
import { listings } from '@/db/schema';
import { authorize } from '@/lib/core/auth/permissions';
import { withTx, type Ctx } from '@/lib/core/context';
import { parseInput } from '@/lib/core/validate';
import { notify } from '@/lib/notifications/notify';
import { conflictTransition, lockListing, photoIdsOf, recordStep, sellerAdminIds, toListingDto, type ListingDto } from './internal';
import { canTransition, listingTransitions } from './policy';
import { moderateListingInput } from './schemas';

const verbs = { approve: 'approved', reject: 'rejected', suspend: 'suspended', reinstate: 'reinstated (back in review)' } as const;

/**
 * moderateListing(ctx, {listingId, decision, reason}) — operations approve or reject a pending
 * listing, suspend a live one or reinstate a suspended one (reason required to reject/suspend).
 * The listing row is locked, so two moderators deciding at once: the second gets a CONFLICT.
 * Approval does not re-check compliance: visibility does, at query time.
 */
export async function moderateListing(ctx: Ctx, raw: unknown): Promise<ListingDto> {
  authorize(ctx.actor, 'listings.moderate');
  const input = parseInput(moderateListingInput, raw);
  return withTx(ctx, async (c) => {
    const l = await lockListing(c.tx, input.listingId);
    const { to } = listingTransitions[input.decision];
    if (!canTransition(input.decision, l.status)) throw conflictTransition('listing', l.status, to);
    const reason = input.reason || null;
    const [row] = await c.tx
      .update(listings)
      .set({
        status: to,
        statusReason: to === 'rejected' || to === 'suspended' ? reason : null,
        decidedAt: c.now,
        decidedBy: c.actor.kind === 'user' ? c.actor.userId : null,
        ...(to === 'pending_review' ? { submittedAt: c.now } : {}),
        updatedAt: c.now,
      })
      .where(eq(listings.id, l.id))
      .returning();
    const stepId = await recordStep(c, row!, { action: input.decision, from: l.status, to, reason });
    await notify(c.tx, await sellerAdminIds(c.tx, l.providerOrgId, c.now), {
      kind: `listing.${input.decision}`,
      title: `Your listing “${row!.title}” was ${verbs[input.decision]}`,
      body: reason ?? '',
      href: `/provider/listings/${l.id}`,
      businessKey: `listing:${l.id}:${input.decision}:${stepId}`,
    });
    return toListingDto(row!, await photoIdsOf(c.tx, l.id));
  });
}
