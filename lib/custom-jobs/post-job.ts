import { and, eq, gt, inArray, isNull, or } from 'drizzle-orm';
import { db } from '@/db/client';
import { customJobInvites, customJobs, memberships, organisations, serviceCategories } from '@/db/schema';
import { emitEvent } from '@/lib/analytics/events';
import { recordAudit } from '@/lib/audit/record-audit';
import { governingZone } from '@/lib/bookings/create-booking';
import { authorize } from '@/lib/core/auth/permissions';
import type { Ctx, UserActor } from '@/lib/core/context';
import { isCurrency } from '@/lib/core/currency';
import { validation } from '@/lib/core/errors';
import { newId } from '@/lib/core/ids';
import { parseInput } from '@/lib/core/validate';
import { addPhotos, checkDeadline, customerJobHref, enterpriseOrgIds, newJobReference, notify, providerJobHref, type TxCtx } from './internal';
import { publishJobChange } from './realtime';
import { postJobInput } from './schemas';

export interface PostJobResult {
  id: string;
  reference: string;
  status: 'open';
  zoneId: string | null;
  photoIds: string[];
  href: string;
}

/**
 * postJob(ctx, raw) — a customer posts a custom job: the governing PLATFORM zone must contain the
 * location (the zone fixes the currency) unless the customer allows out-of-zone providers; the
 * budget is a range in minor units; bids close at a future deadline within 60 days; invited
 * providers and up to 6 photos. ONE transaction: the job, its photos (files stored by content type,
 * never by name), invites, audit, event and the feed notification commit together or not at all.
 */
export async function postJob(ctx: Ctx, raw: unknown): Promise<PostJobResult> {
  authorize(ctx.actor, 'jobs.post');
  const input = parseInput(postJobInput, raw);
  const actor = ctx.actor as UserActor;
  checkDeadline('bidDeadline', new Date(input.bidDeadline), ctx.now);
  if (input.budgetMinMinor > input.budgetMaxMinor) throw validation({ budgetMaxMinor: ['must be at least the minimum budget'] });
  if (input.photos.length > 6) throw validation({ photos: ['at most 6 photos per job'] });
  const invited = [...new Set(input.invitedProviderIds)];
  if (input.inviteOnly && !invited.length) throw validation({ invitedProviderIds: ['invite at least one provider for an invite-only job'] });
  if (input.enterpriseOrgId && !enterpriseOrgIds(actor).includes(input.enterpriseOrgId)) throw validation({ enterpriseOrgId: ['is not an organisation you belong to'] });

  const run = (c: TxCtx) => postInTx(c, actor, input, invited);
  return ctx.tx ? ctx.tx.transaction((sp) => run({ ...ctx, tx: sp as unknown as TxCtx['tx'] })) : db().transaction((tx) => run({ ...ctx, tx }));
}

async function postInTx(c: TxCtx, actor: UserActor, input: ReturnType<typeof postJobInput.parse>, invited: string[]): Promise<PostJobResult> {
  const tx = c.tx;
  const [category] = await tx.select({ id: serviceCategories.id }).from(serviceCategories).where(eq(serviceCategories.id, input.categoryId));
  if (!category) throw validation({ categoryId: ['is not a category we offer'] });

  const zone = await governingZone(tx, input.location.lon, input.location.lat);
  if (!zone && !input.outOfZoneAllowed) {
    throw validation({ location: ['is outside our service zones; allow out-of-zone providers to post it anyway'] });
  }
  if (zone && input.currency !== zone.currency) throw validation({ currency: [`must be ${zone.currency}, the currency of the zone containing the location`] });
  if (!isCurrency(input.currency)) throw validation({ currency: ['is not a currency we support'] });

  if (invited.length) {
    const found = await tx
      .select({ id: organisations.id })
      .from(organisations)
      .where(and(inArray(organisations.id, invited), eq(organisations.kind, 'provider')));
    const missing = invited.filter((id) => !found.some((f) => f.id === id));
    if (missing.length) throw validation({ invitedProviderIds: [`${missing.length === 1 ? 'one provider is' : `${missing.length} providers are`} not on Fixnado`] });
  }

  const id = newId();
  const reference = newJobReference();
  await tx.insert(customJobs).values({
    id,
    reference,
    customerId: actor.userId,
    enterpriseOrgId: input.enterpriseOrgId ?? null,
    title: input.title,
    description: input.description,
    categoryId: input.categoryId,
    location: JSON.stringify({ type: 'Point', coordinates: [input.location.lon, input.location.lat] }),
    addressLine: input.addressLine,
    zoneId: zone?.id ?? null,
    outOfZoneAllowed: input.outOfZoneAllowed,
    budgetMinMinor: BigInt(input.budgetMinMinor),
    budgetMaxMinor: BigInt(input.budgetMaxMinor),
    currency: input.currency,
    bidDeadline: new Date(input.bidDeadline),
    inviteOnly: input.inviteOnly,
    status: 'open',
    createdAt: c.now,
    updatedAt: c.now,
  });
  if (invited.length) await tx.insert(customJobInvites).values(invited.map((providerOrgId) => ({ jobId: id, providerOrgId, createdAt: c.now })));
  if (invited.length) {
    const admins = await tx
      .select({ userId: memberships.userId })
      .from(memberships)
      .where(and(inArray(memberships.orgId, invited), eq(memberships.role, 'provider_admin'), or(isNull(memberships.expiresAt), gt(memberships.expiresAt, c.now))));
    await notify(
      tx,
      admins.map((a) => a.userId),
      { kind: 'job.invited', title: `You are invited to bid: ${input.title}`, body: input.addressLine, href: providerJobHref(id), businessKey: `job:${id}:invited` },
    );
  }
  const photoIds = await addPhotos(tx, { jobId: id, ownerUserId: actor.userId, photos: input.photos, existing: 0, at: c.now });

  await recordAudit(c, {
    action: 'jobs.post',
    entityType: 'custom_job',
    entityId: id,
    tenantId: input.enterpriseOrgId ?? null,
    data: { reference, zoneId: zone?.id ?? null, categoryId: input.categoryId, budgetMinMinor: String(input.budgetMinMinor), budgetMaxMinor: String(input.budgetMaxMinor), currency: input.currency, photos: photoIds.length, invited: invited.length, inviteOnly: input.inviteOnly },
  });
  await emitEvent(c, 'job.posted', {
    jobId: id,
    zoneId: zone?.id ?? null,
    categoryId: input.categoryId,
    currency: input.currency,
    budgetMinMinor: input.budgetMinMinor,
    budgetMaxMinor: input.budgetMaxMinor,
    photos: photoIds.length,
    invited: invited.length,
    inviteOnly: input.inviteOnly,
  });
  await publishJobChange(tx, { kind: 'posted', jobId: id, version: 1 });
  return { id, reference, status: 'open', zoneId: zone?.id ?? null, photoIds, href: customerJobHref(id) };
}
