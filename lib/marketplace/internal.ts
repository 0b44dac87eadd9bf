/** Shared helpers of the marketplace verbs (server-only): scoped loads, the moderation trail, DTOs. */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { rowsOf, type Executor, type Tx } from '@/db/client';
import { inventoryItems, listingModerationEvents, listingPhotos, listings, memberships, services, storedFiles } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import type { Ctx } from '@/lib/core/context';
import { AppError, notFound, validation } from '@/lib/core/errors';
import { toMinor, toWire } from '@/lib/core/money';
import { emitEvent } from '@/lib/analytics/events';
import { newId } from '@/lib/core/ids';
import { modesFor, type ListingKind, type ListingStatus } from './policy';

export type TxCtx = Ctx & { tx: Tx };
export type ListingRow = typeof listings.$inferSelect;

export interface ListingDto {
  id: string;
  providerOrgId: string;
  kind: ListingKind;
  title: string;
  description: string;
  categoryId: string | null;
  itemId: string | null;
  serviceId: string | null;
  priceMinor: number;
  currency: string;
  status: ListingStatus;
  statusReason: string | null;
  version: number;
  submittedAt: string | null;
  decidedAt: string | null;
  photoFileIds: string[];
}

export function toListingDto(l: ListingRow, photoFileIds: string[] = []): ListingDto {
  return {
    id: l.id,
    providerOrgId: l.providerOrgId,
    kind: l.kind,
    title: l.title,
    description: l.description,
    categoryId: l.categoryId,
    itemId: l.itemId,
    serviceId: l.serviceId,
    priceMinor: toWire(toMinor(l.priceMinor)),
    currency: l.currency.trim(),
    status: l.status,
    statusReason: l.statusReason,
    version: l.version,
    submittedAt: l.submittedAt?.toISOString() ?? null,
    decidedAt: l.decidedAt?.toISOString() ?? null,
    photoFileIds,
  };
}

/** Locks a listing FOR UPDATE; when `orgId` is given a listing of another seller is NOT_FOUND. */
export async function lockListing(tx: Tx, listingId: string, orgId?: string): Promise<ListingRow> {
  const [row] = await tx
    .select()
    .from(listings)
    .where(orgId ? and(eq(listings.id, listingId), eq(listings.providerOrgId, orgId)) : eq(listings.id, listingId))
    .for('update');
  if (!row) throw notFound('That listing');
  return row;
}

export async function photoIdsOf(ex: Executor, listingId: string): Promise<string[]> {
  const rows = await ex.select({ fileId: listingPhotos.fileId }).from(listingPhotos).where(eq(listingPhotos.listingId, listingId)).orderBy(listingPhotos.position);
  return rows.map((r) => r.fileId);
}

/** The backing stock or service must be the seller's own and fit the kind; returns the price to store. */
export async function resolveBacking(
  tx: Tx,
  orgId: string,
  input: { kind: ListingKind; itemId?: string; serviceId?: string; priceMinor?: bigint },
): Promise<{ itemId: string | null; serviceId: string | null; priceMinor: bigint; currency: string; categoryId: string | null }> {
  if (input.kind === 'service_package') {
    if (!input.serviceId) throw validation({ serviceId: ['is required for a service package: pick one of your active services'] });
    const [s] = await tx
      .select({ id: services.id, status: services.status, currency: services.currency, categoryId: services.categoryId, priceMinor: services.priceMinor })
      .from(services)
      .where(and(eq(services.id, input.serviceId), eq(services.providerOrgId, orgId)));
    if (!s) throw validation({ serviceId: ['is not one of your services'] });
    if (s.status !== 'active') throw validation({ serviceId: ['must be an active service'] });
    return { itemId: null, serviceId: s.id, priceMinor: input.priceMinor ?? toMinor(s.priceMinor), currency: s.currency.trim(), categoryId: s.categoryId };
  }
  if (!input.itemId) throw validation({ itemId: ['is required: pick one of your inventory items'] });
  const [i] = await tx
    .select({ id: inventoryItems.id, mode: inventoryItems.mode, status: inventoryItems.status, currency: inventoryItems.currency, dailyRateMinor: inventoryItems.dailyRateMinor, salePriceMinor: inventoryItems.salePriceMinor })
    .from(inventoryItems)
    .where(and(eq(inventoryItems.id, input.itemId), eq(inventoryItems.providerOrgId, orgId)));
  if (!i) throw validation({ itemId: ['is not one of your inventory items'] });
  if (i.status !== 'active') throw validation({ itemId: ['must be an active (not archived) item'] });
  const allowed = modesFor[input.kind];
  if (!allowed.includes(i.mode)) throw validation({ itemId: [`is a ${i.mode} item; a ${input.kind.replace('_', ' ')} listing needs an item of mode ${allowed.join(' or ')}`] });
  if (input.kind === 'tool_rental') {
    // A rental is priced by the item's daily rate: the listing shows it, it is not a second price.
    return { itemId: i.id, serviceId: null, priceMinor: toMinor(i.dailyRateMinor ?? 0n), currency: i.currency.trim(), categoryId: null };
  }
  const price = input.priceMinor ?? (i.salePriceMinor == null ? null : toMinor(i.salePriceMinor));
  if (price == null) throw validation({ priceMinor: ['is required for a sale'] });
  return { itemId: i.id, serviceId: null, priceMinor: price, currency: i.currency.trim(), categoryId: null };
}

/** Photos must be listing photos uploaded by the caller (or already on this listing). */
export async function setPhotos(c: TxCtx, listingId: string, fileIds: string[] | undefined): Promise<void> {
  if (fileIds === undefined) return;
  const unique = [...new Set(fileIds)];
  if (unique.length) {
    const existing = await photoIdsOf(c.tx, listingId);
    const userId = c.actor.kind === 'user' ? c.actor.userId : null;
    const files = await c.tx
      .select({ id: storedFiles.id, purpose: storedFiles.purpose, owner: storedFiles.ownerUserId })
      .from(storedFiles)
      .where(inArray(storedFiles.id, unique));
    for (const id of unique) {
      const f = files.find((x) => x.id === id);
      if (!f || f.purpose !== 'listing_photo' || (!existing.includes(id) && f.owner !== userId)) throw validation({ photoFileIds: ['contains a photo that was not uploaded for this listing'] });
    }
  }
  await c.tx.delete(listingPhotos).where(eq(listingPhotos.listingId, listingId));
  if (unique.length) await c.tx.insert(listingPhotos).values(unique.map((fileId, position) => ({ listingId, fileId, position, createdAt: c.now })));
}

/** One step of a listing's life: the moderation trail row, the audit row and the analytics event. */
export async function recordStep(
  c: TxCtx,
  l: Pick<ListingRow, 'id' | 'providerOrgId' | 'kind'>,
  step: { action: string; from: ListingStatus | null; to: ListingStatus; reason?: string | null; data?: Record<string, unknown> },
): Promise<string> {
  // Time-ordered ids keep the trail in order when steps share one `now`.
  const eventId = newId();
  await c.tx.insert(listingModerationEvents).values({
    id: eventId,
    listingId: l.id,
    action: step.action,
    fromStatus: step.from,
    toStatus: step.to,
    actorUserId: c.actor.kind === 'user' ? c.actor.userId : null,
    reason: step.reason ?? null,
    createdAt: c.now,
  });
  await recordAudit(c, {
    action: `listings.${step.action}`,
    entityType: 'listing',
    entityId: l.id,
    tenantId: l.providerOrgId,
    data: { from: step.from, to: step.to, kind: l.kind, ...(step.reason ? { reason: step.reason } : {}), ...(step.data ?? {}) },
  });
  await emitEvent(c, 'listing.status_changed', { listingId: l.id, providerOrgId: l.providerOrgId, kind: l.kind, action: step.action, fromStatus: step.from, toStatus: step.to }, l.providerOrgId);
  return eventId;
}

/** Active provider admins of a seller (who hear about moderation decisions and orders). */
export async function sellerAdminIds(ex: Executor, orgId: string, now: Date): Promise<string[]> {
  const rows = await ex
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.orgId, orgId), eq(memberships.role, 'provider_admin'), sql`(${memberships.expiresAt} is null or ${memberships.expiresAt} > ${now.toISOString()}::timestamptz)`));
  return rows.map((r) => r.userId);
}

/** Operations staff (who hear about listings waiting for review). */
export async function operationsIds(ex: Executor, now: Date): Promise<string[]> {
  const rows = rowsOf<{ user_id: string }>(
    await ex.execute(sql`select distinct user_id from memberships where role = 'operations' and (expires_at is null or expires_at > ${now.toISOString()}::timestamptz)`),
  );
  return rows.map((r) => r.user_id);
}

export function conflictTransition(what: string, from: string, to: string, message?: string): AppError {
  return new AppError('CONFLICT', message ?? `This ${what} is ${from.replace('_', ' ')}; it cannot move to ${to.replace('_', ' ')}.`, { from, to });
}
