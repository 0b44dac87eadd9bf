/**
 * saveBillingProfile(ctx, {owner, orgId?, …details}) — the business details printed on invoices:
 * a customer's own (`self`), a provider's as supplier (its provider_admin) or an enterprise's as
 * buyer (its enterprise_admin). Saving replaces the profile; invoices already issued keep the
 * snapshot they were issued with.
 */
import { eq, sql } from 'drizzle-orm';
import { billingProfiles, organisations } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import { authorize } from '@/lib/core/auth/permissions';
import { withTx, type Ctx, type UserActor } from '@/lib/core/context';
import { forbidden, notFound, unauthenticated } from '@/lib/core/errors';
import { newId } from '@/lib/core/ids';
import { parseInput } from '@/lib/core/validate';
import { BILLING_PERMISSION, toBillingProfile, type BillingProfile } from './queries';
import { billingDetailsInput, billingOwnerInput, type BillingOwner } from './schemas';

/** The role that may set an organisation's details, by organisation kind. */
const adminRole = { provider: 'provider_admin', enterprise: 'enterprise_admin' } as const;

/** Tenant check: the caller administers this organisation now (expired grants are not resolved). */
export function assertOrgAdmin(actor: UserActor, owner: Exclude<BillingOwner, { owner: 'self' }>): void {
  const ok = actor.memberships.some((m) => m.orgId === owner.orgId && m.orgKind === owner.owner && m.role === adminRole[owner.owner]);
  if (!ok) throw forbidden('You can only change the billing details of an organisation you administer.');
}

export async function saveBillingProfile(ctx: Ctx, raw: unknown): Promise<BillingProfile> {
  if (ctx.actor.kind !== 'user') throw unauthenticated();
  authorize(ctx.actor, BILLING_PERMISSION);
  const actor = ctx.actor;
  const owner = parseInput(billingOwnerInput, raw);
  const details = parseInput(billingDetailsInput, raw);
  if (owner.owner === 'self') {
    // Only a customer books for themselves; staff roles have no personal invoices.
    if (!actor.roles.includes('customer')) throw forbidden('Only customers have personal billing details.');
  } else {
    assertOrgAdmin(actor, owner);
  }
  return withTx(ctx, async (c) => {
    const orgId = owner.owner === 'self' ? null : owner.orgId;
    const userId = owner.owner === 'self' ? actor.userId : null;
    if (orgId) {
      const [org] = await c.tx.select({ kind: organisations.kind }).from(organisations).where(eq(organisations.id, orgId));
      if (!org || org.kind !== owner.owner) throw notFound('That organisation');
    }
    const values = {
      legalName: details.legalName,
      vatNumber: details.vatNumber ?? null,
      companyNumber: details.companyNumber ?? null,
      addressLine1: details.addressLine1,
      addressLine2: details.addressLine2 ?? '',
      city: details.city,
      postcode: details.postcode,
      country: details.country,
      invoiceEmail: details.invoiceEmail ?? null,
      updatedAt: c.now,
    };
    const where = orgId ? eq(billingProfiles.orgId, orgId) : eq(billingProfiles.userId, userId!);
    const [existing] = await c.tx.select({ id: billingProfiles.id }).from(billingProfiles).where(where).for('update');
    let row;
    if (existing) {
      [row] = await c.tx.update(billingProfiles).set(values).where(eq(billingProfiles.id, existing.id)).returning();
    } else {
      // Two first saves at once: the partial unique index lets one insert win; the other updates.
      [row] = await c.tx
        .insert(billingProfiles)
        .values({ id: newId(), orgId, userId, ...values, createdAt: c.now })
        .onConflictDoUpdate({ target: orgId ? billingProfiles.orgId : billingProfiles.userId, targetWhere: orgId ? sql`org_id is not null` : sql`user_id is not null`, set: values })
        .returning();
    }
    await recordAudit(c, {
      action: 'billing.profile_save',
      entityType: 'billing_profile',
      entityId: row!.id,
      tenantId: orgId,
      data: { owner: owner.owner, country: details.country, hasVatNumber: Boolean(details.vatNumber) },
    });
    return toBillingProfile(row!);
  });
}
