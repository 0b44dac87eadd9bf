import { eq } from 'drizzle-orm';
import { listings } from '@/db/schema';
import { authorize } from '@/lib/core/auth/permissions';
import { withTx, type Ctx } from '@/lib/core/context';
import { AppError } from '@/lib/core/errors';
import { parseInput } from '@/lib/core/validate';
import { managedProviderOrgId } from '@/lib/catalog/tenant';
import { sellerStatus } from '@/lib/compliance/status';
import { notify } from '@/lib/notifications/notify';
import { conflictTransition, lockListing, operationsIds, photoIdsOf, recordStep, toListingDto, type ListingDto } from './internal';
import { canTransition } from './policy';
import { listingIdInput } from './schemas';

export const COMPLIANCE_HREF = '/provider/compliance';

/**
 * submitListing(ctx, {listingId}) — draft | rejected → pending_review. Publishing requires an
 * approved, in-date, unsuspended seller (DOMAIN.md): otherwise PRECONDITION_FAILED naming the
 * documents still needed and linking the compliance page.
 */
export async function submitListing(ctx: Ctx, raw: unknown): Promise<ListingDto> {
  authorize(ctx.actor, 'listings.manage');
  const { listingId } = parseInput(listingIdInput, raw);
  const orgId = managedProviderOrgId(ctx.actor);
  return withTx(ctx, async (c) => {
    const l = await lockListing(c.tx, listingId, orgId);
    if (!canTransition('submit', l.status)) throw conflictTransition('listing', l.status, 'pending_review');
    const seller = await sellerStatus(c.tx, orgId, c.now);
    if (seller.status !== 'approved') {
      const missing = seller.documents.filter((d) => d.state !== 'valid').map((d) => `${d.label} (${d.state.replace('_', ' ')})`);
      const message =
        seller.status === 'suspended'
          ? `Your seller account is suspended${seller.suspension?.reason ? ` (${seller.suspension.reason})` : ''}; listings cannot be published until operations lift it. See ${COMPLIANCE_HREF}.`
          : `Publishing needs approved, in-date compliance documents. Still needed: ${missing.join(', ')}. Upload them at ${COMPLIANCE_HREF}.`;
      throw new AppError('PRECONDITION_FAILED', message, { href: COMPLIANCE_HREF, sellerStatus: seller.status, missing: seller.documents.filter((d) => d.state !== 'valid').map((d) => d.docType) });
    }
    const [row] = await c.tx
      .update(listings)
      .set({ status: 'pending_review', statusReason: null, submittedAt: c.now, updatedAt: c.now })
      .where(eq(listings.id, l.id))
      .returning();
    const stepId = await recordStep(c, row!, { action: 'submit', from: l.status, to: 'pending_review' });
    await notify(c.tx, await operationsIds(c.tx, c.now), {
      kind: 'listing.pending_review',
      title: `Listing waiting for review: ${row!.title}`,
      href: '/admin/moderation',
      businessKey: `listing:${l.id}:submitted:${stepId}`,
    });
    return toListingDto(row!, await photoIdsOf(c.tx, l.id));
  });
}
