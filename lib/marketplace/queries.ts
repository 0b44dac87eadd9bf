/**
 * Marketplace reads. Every PUBLIC read of listings goes through visibleListingSql (approved
 * listing of an approved, in-date, unsuspended seller, decided at `ctx.now`): a hidden listing is
 * simply not found. Seller and moderation reads are scoped to the caller's organisation / role.
 */
import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Executor } from '@/db/client';
import { authorize } from '@/lib/core/auth/permissions';
import { exec, type Ctx } from '@/lib/core/context';
import { notFound } from '@/lib/core/errors';
import { EXPONENTS } from '@/lib/core/currency';
import { isUuid } from '@/lib/core/ids';
import { toMinor, toWire } from '@/lib/core/money';
import { parseInput } from '@/lib/core/validate';
import { managedProviderOrgId } from '@/lib/catalog/tenant';
import { sellerStatus, type SellerStatus } from '@/lib/compliance/status';
import { PAGE_SIZE, RANK_WEIGHTS, type ListingKind, type ListingStatus } from './policy';
import { browseInput } from './schemas';
import { visibleListingSql } from './visibility';

const iso = (v: Date | string | null | undefined) => (v == null ? null : new Date(v).toISOString());
const num = (v: unknown) => (v == null ? null : Number(v));
const wire = (v: unknown) => (v == null ? null : toWire(toMinor(v as string)));

/** SQL: the exponent of l.currency (10^exp minor units per major unit). */
const exponentSql = sql.raw(
  `(case l.currency ${Object.entries(EXPONENTS)
    .filter(([, e]) => e !== 2)
    .map(([c, e]) => `when '${c}' then ${e}`)
    .join(' ')} else 2 end)`,
);

/** Coverage in force at `now` (effective dates). */
const coverageInForce = (now: Date) => sql`zc.effective_from <= ${now.toISOString()}::timestamptz and (zc.effective_to is null or zc.effective_to > ${now.toISOString()}::timestamptz)`;

export interface ZoneRef {
  id: string;
  name: string;
}

/** The active platform zone named by id, or the one containing lon,lat (priority, then smallest). */
export async function resolveZone(ex: Executor, q: { zone?: string; near?: string }): Promise<ZoneRef | null> {
  if (q.zone && isUuid(q.zone)) {
    const [z] = rowsOf<ZoneRef>(await ex.execute(sql`select id, name from zones where id = ${q.zone} and owner_kind = 'platform' and status = 'active'`));
    return z ?? null;
  }
  if (q.near) {
    const [lon, lat] = q.near.split(',').map(Number);
    if (!Number.isFinite(lon) || !Number.isFinite(lat) || Math.abs(lon!) > 180 || Math.abs(lat!) > 90) return null;
    const [z] = rowsOf<ZoneRef>(
      await ex.execute(sql`
        select id, name from zones where owner_kind = 'platform' and status = 'active'
          and ST_Contains(geom, ST_SetSRID(ST_MakePoint(${lon}, ${lat}), 4326))
        order by priority desc, area_m2 asc, id limit 1`),
    );
    return z ?? null;
  }
  return null;
}

export interface ListingCard {
  id: string;
  kind: ListingKind;
  title: string;
  description: string;
  priceMinor: number;
  currency: string;
  /** Rentals: the item's daily rate and deposit. */
  dailyRateMinor: number | null;
  depositMinor: number | null;
  available: number | null;
  categoryName: string | null;
  sellerName: string;
  sellerSlug: string;
  ratingX100: number | null;
  ratingCount: number;
  photoId: string | null;
  score: number;
}

export interface BrowseResult {
  zone: ZoneRef | null;
  /** A location was given but no active platform zone contains it. */
  zoneNotFound: boolean;
  items: ListingCard[];
  page: number;
  hasMore: boolean;
  categories: Array<{ slug: string; name: string }>;
}

function likeEscape(s: string) {
  return s.replace(/[\\%_]/g, (m) => `\\${m}`);
}

/** browseListings(ctx, {zone?|near?, mode?, kind?, category?, min?, max?, q?, page}) — the public feed. */
export async function browseListings(ctx: Ctx, raw: unknown): Promise<BrowseResult> {
  const input = parseInput(browseInput, raw);
  const ex = exec(ctx);
  const now = ctx.now;
  const zone = await resolveZone(ex, input);
  const located = !!(input.zone || input.near);
  if (located && !zone) return { zone: null, zoneNotFound: true, items: [], page: input.page, hasMore: false, categories: [] };

  const where: SQL[] = [visibleListingSql(now, 'l')];
  if (zone) where.push(sql`exists (select 1 from zone_coverage zc where zc.provider_org_id = l.provider_org_id and zc.zone_id = ${zone.id} and ${coverageInForce(now)})`);
  if (input.mode === 'rent') where.push(sql`l.kind = 'tool_rental'`);
  if (input.mode === 'buy') where.push(sql`l.kind in ('tool_sale', 'material')`);
  if (input.kind) where.push(sql`l.kind = ${input.kind}`);
  if (input.category) where.push(sql`c.slug = ${input.category}`);
  if (input.min !== undefined) where.push(sql`l.price_minor >= ${input.min}::bigint * power(10, ${exponentSql})::bigint`);
  if (input.max !== undefined) where.push(sql`l.price_minor <= ${input.max}::bigint * power(10, ${exponentSql})::bigint`);
  if (input.q) {
    const like = `%${likeEscape(input.q)}%`;
    where.push(sql`(l.title ilike ${like} or l.description ilike ${like} or o.name ilike ${like})`);
  }
  const W = RANK_WEIGHTS;
  const coverPriority = zone
    ? sql`(select min(zc.priority) from zone_coverage zc where zc.provider_org_id = l.provider_org_id and zc.zone_id = ${zone.id} and ${coverageInForce(now)})`
    : sql`null::int`;
  const offset = (input.page - 1) * PAGE_SIZE;
  const rows = rowsOf<Record<string, unknown>>(
    await ex.execute(sql`
      with base as (
        select l.id, l.kind, l.title, l.description, l.price_minor::text as price_minor, l.currency, l.decided_at,
               i.daily_rate_minor::text as daily_rate_minor, i.deposit_minor::text as deposit_minor,
               case when i.id is null then null else i.on_hand - i.reserved end as available,
               c.name as category_name, o.name as seller_name, o.slug as seller_slug,
               pp.rating_x_100 as rating_x100, coalesce(pp.rating_count, 0) as rating_count,
               (select lp.file_id from listing_photos lp where lp.listing_id = l.id order by lp.position limit 1) as photo_id,
               ${coverPriority} as cover_priority
        from listings l
        join organisations o on o.id = l.provider_org_id
        left join provider_profiles pp on pp.org_id = l.provider_org_id
        left join inventory_items i on i.id = l.item_id
        left join services s on s.id = l.service_id
        left join service_categories c on c.id = coalesce(l.category_id, s.category_id)
        where ${sql.join(where, sql` and `)}
      )
      select *,
        round(
          ${W.rating}::numeric * coalesce(rating_x100, ${W.unratedX100}) / 500
          + case when cover_priority is null then 0 when cover_priority = 1 then ${W.zonePrimary} else ${W.zoneOther} end
          + ${W.recency}::numeric * greatest(0, 1 - extract(epoch from (${now.toISOString()}::timestamptz - coalesce(decided_at, ${now.toISOString()}::timestamptz))) / 86400 / ${W.recencyDays})
        , 2)::float8 as score
      from base
      order by score desc, decided_at desc nulls last, id
      limit ${PAGE_SIZE + 1} offset ${offset}`),
  );
  const categories = rowsOf<{ slug: string; name: string }>(
    await ex.execute(sql`
      select distinct c.slug, c.name from listings l
      left join services s on s.id = l.service_id
      join service_categories c on c.id = coalesce(l.category_id, s.category_id)
      where ${visibleListingSql(now, 'l')} order by c.name`),
  );
  return {
    zone,
    zoneNotFound: false,
    page: input.page,
    hasMore: rows.length > PAGE_SIZE,
    categories,
    items: rows.slice(0, PAGE_SIZE).map((r) => toCard(r, (r.photo_id as string | null) ?? null, Number(r.score))),
  };
}

/** A listing row of the browse / detail queries as the card the screens show. */
function toCard(r: Record<string, unknown>, photoId: string | null, score: number): ListingCard {
  return {
    id: r.id as string,
    kind: r.kind as ListingKind,
    title: r.title as string,
    description: r.description as string,
    priceMinor: wire(r.price_minor)!,
    currency: String(r.currency).trim(),
    dailyRateMinor: wire(r.daily_rate_minor),
    depositMinor: wire(r.deposit_minor),
    available: num(r.available),
    categoryName: (r.category_name as string | null) ?? null,
    sellerName: r.seller_name as string,
    sellerSlug: r.seller_slug as string,
    ratingX100: num(r.rating_x100),
    ratingCount: Number(r.rating_count),
    photoId,
    score,
  };
}

export interface ListingDetail extends ListingCard {
  providerOrgId: string;
  itemId: string | null;
  serviceId: string | null;
  insuranceRequired: boolean;
  photoIds: string[];
  seller: SellerStatus;
  zones: ZoneRef[];
}

/** The zones a seller covers now (active platform zones, named). */
export async function sellerZones(ex: Executor, orgId: string, now: Date): Promise<ZoneRef[]> {
  return rowsOf<ZoneRef>(
    await ex.execute(sql`
      select distinct z.id, z.name from zone_coverage zc join zones z on z.id = zc.zone_id and z.status = 'active' and z.owner_kind = 'platform'
      where zc.provider_org_id = ${orgId} and ${coverageInForce(now)} order by z.name`),
  );
}

/** getPublicListing(ctx, id) — a visible listing with its seller's badge facts; else NOT_FOUND. */
export async function getPublicListing(ctx: Ctx, listingId: string): Promise<ListingDetail> {
  if (!isUuid(listingId)) throw notFound('That listing');
  const ex = exec(ctx);
  const [r] = rowsOf<Record<string, unknown>>(
    await ex.execute(sql`
      select l.id, l.kind, l.title, l.description, l.price_minor::text as price_minor, l.currency, l.provider_org_id, l.item_id, l.service_id,
             i.daily_rate_minor::text as daily_rate_minor, i.deposit_minor::text as deposit_minor, coalesce(i.insurance_required, false) as insurance_required,
             case when i.id is null then null else i.on_hand - i.reserved end as available,
             c.name as category_name, o.name as seller_name, o.slug as seller_slug, pp.rating_x_100 as rating_x100, coalesce(pp.rating_count, 0) as rating_count
      from listings l
      join organisations o on o.id = l.provider_org_id
      left join provider_profiles pp on pp.org_id = l.provider_org_id
      left join inventory_items i on i.id = l.item_id
      left join services s on s.id = l.service_id
      left join service_categories c on c.id = coalesce(l.category_id, s.category_id)
      where l.id = ${listingId} and ${visibleListingSql(ctx.now, 'l')}`),
  );
  if (!r) throw notFound('That listing');
  const orgId = r.provider_org_id as string;
  const [seller, zones, photos] = await Promise.all([
    sellerStatus(ex, orgId, ctx.now),
    sellerZones(ex, orgId, ctx.now),
    rowsOf<{ file_id: string }>(await ex.execute(sql`select file_id from listing_photos where listing_id = ${listingId} order by position`)),
  ]);
  return {
    ...toCard(r, photos[0]?.file_id ?? null, 0),
    providerOrgId: orgId,
    itemId: (r.item_id as string | null) ?? null,
    serviceId: (r.service_id as string | null) ?? null,
    insuranceRequired: r.insurance_required === true,
    photoIds: photos.map((p) => p.file_id),
    seller,
    zones,
  };
}

/** Whether a stored file is a photo of a listing the public may see (for the photo route). */
export async function isPublicListingPhoto(ctx: Ctx, fileId: string): Promise<boolean> {
  if (!isUuid(fileId)) return false;
  const rows = await exec(ctx).execute(sql`
    select 1 from listing_photos lp join listings l on l.id = lp.listing_id
    where lp.file_id = ${fileId} and ${visibleListingSql(ctx.now, 'l')} limit 1`);
  return rowsOf(rows).length > 0;
}

/** Whether the caller's organisation owns a listing with this photo, or uploaded it (seller screens). */
export async function isOwnListingPhoto(ctx: Ctx, fileId: string): Promise<boolean> {
  if (!isUuid(fileId) || ctx.actor.kind !== 'user') return false;
  let orgId: string | null = null;
  try {
    orgId = managedProviderOrgId(ctx.actor);
  } catch {
    return false;
  }
  const rows = await exec(ctx).execute(sql`
    select 1 from stored_files f where f.id = ${fileId} and f.purpose = 'listing_photo' and (f.owner_user_id = ${ctx.actor.userId}
      or exists (select 1 from listing_photos lp join listings l on l.id = lp.listing_id where lp.file_id = f.id and l.provider_org_id = ${orgId})) limit 1`);
  return rowsOf(rows).length > 0;
}

// --- business front ---------------------------------------------------------------------------

export interface BusinessFront {
  orgId: string;
  name: string;
  slug: string;
  tagline: string;
  description: string;
  ratingX100: number | null;
  ratingCount: number;
  seller: SellerStatus;
  services: Array<{ id: string; title: string; priceMinor: number; currency: string; durationMinutes: number; categoryName: string }>;
  listings: ListingCard[];
  zones: Array<ZoneRef & { geometry: unknown }>;
  reviews: Array<{ id: string; rating: number; body: string; customerFirstName: string; serviceTitle: string; createdAt: string; reply: string | null; repliedAt: string | null }>;
  reviewSummary: { count: number; averageX100: number | null };
}

/** businessFront(ctx, slug) — the public page of a provider, from real data; unknown slug → NOT_FOUND. */
export async function businessFront(ctx: Ctx, slug: string): Promise<BusinessFront> {
  const ex = exec(ctx);
  const now = ctx.now;
  const [org] = rowsOf<{ id: string; name: string; slug: string; tagline: string | null; description: string | null; rating_x100: number | null; rating_count: number | null }>(
    await ex.execute(sql`
      select o.id, o.name, o.slug, pp.tagline, pp.description, pp.rating_x_100 as rating_x100, pp.rating_count
      from organisations o left join provider_profiles pp on pp.org_id = o.id
      where o.slug = ${slug} and o.kind = 'provider'`),
  );
  if (!org) throw notFound('That provider');
  const [seller, services, listingRows, zones, reviewRows, agg] = await Promise.all([
    sellerStatus(ex, org.id, now),
    rowsOf<{ id: string; title: string; price_minor: string; currency: string; duration_minutes: number; category_name: string }>(
      await ex.execute(sql`
        select s.id, s.title, s.price_minor::text as price_minor, s.currency, s.duration_minutes, c.name as category_name
        from services s join service_categories c on c.id = s.category_id
        where s.provider_org_id = ${org.id} and s.status = 'active' order by s.title, s.id`),
    ),
    rowsOf<Record<string, unknown>>(
      await ex.execute(sql`
        select l.id, l.kind, l.title, l.description, l.price_minor::text as price_minor, l.currency,
               i.daily_rate_minor::text as daily_rate_minor, i.deposit_minor::text as deposit_minor,
               case when i.id is null then null else i.on_hand - i.reserved end as available, c.name as category_name,
               (select lp.file_id from listing_photos lp where lp.listing_id = l.id order by lp.position limit 1) as photo_id
        from listings l
        left join inventory_items i on i.id = l.item_id
        left join services s on s.id = l.service_id
        left join service_categories c on c.id = coalesce(l.category_id, s.category_id)
        where l.provider_org_id = ${org.id} and ${visibleListingSql(now, 'l')}
        order by l.decided_at desc nulls last, l.id`),
    ),
    rowsOf<{ id: string; name: string; geometry: string }>(
      await ex.execute(sql`
        select z.id, z.name, ST_AsGeoJSON(ST_SimplifyPreserveTopology(z.geom, 0.0005), 5) as geometry
        from zones z where z.owner_kind = 'platform' and z.status = 'active'
          and exists (select 1 from zone_coverage zc where zc.zone_id = z.id and zc.provider_org_id = ${org.id} and ${coverageInForce(now)})
        order by z.name`),
    ),
    // Reviews count only from COMPLETED bookings, and only published ones (hidden/reported are out).
    rowsOf<{ id: string; rating: number; body: string; customer_name: string | null; service_title: string; created_at: Date | string; reply: string | null; replied_at: Date | string | null }>(
      await ex.execute(sql`
        select r.id, r.rating, r.body, u.name as customer_name, s.title as service_title, r.created_at, r.reply, r.replied_at
        from reviews r join bookings b on b.id = r.booking_id and b.status = 'completed'
        join services s on s.id = b.service_id left join users u on u.id = r.customer_id
        where r.provider_org_id = ${org.id} and r.status = 'published'
        order by r.created_at desc, r.id limit 10`),
    ),
    rowsOf<{ n: number; x100: number | null }>(
      await ex.execute(sql`
        select count(*)::int as n, round(avg(r.rating)::numeric * 100)::int as x100
        from reviews r join bookings b on b.id = r.booking_id and b.status = 'completed'
        where r.provider_org_id = ${org.id} and r.status = 'published'`),
    ),
  ]);
  return {
    orgId: org.id,
    name: org.name,
    slug: org.slug,
    tagline: org.tagline ?? '',
    description: org.description ?? '',
    ratingX100: num(org.rating_x100),
    ratingCount: Number(org.rating_count ?? 0),
    seller,
    services: services.map((s) => ({ id: s.id, title: s.title, priceMinor: wire(s.price_minor)!, currency: s.currency.trim(), durationMinutes: s.duration_minutes, categoryName: s.category_name })),
    listings: listingRows.map((r) => ({
      id: r.id as string,
      kind: r.kind as ListingKind,
      title: r.title as string,
      description: r.description as string,
      priceMinor: wire(r.price_minor)!,
      currency: String(r.currency).trim(),
      dailyRateMinor: wire(r.daily_rate_minor),
      depositMinor: wire(r.deposit_minor),
      available: num(r.available),
      categoryName: (r.category_name as string | null) ?? null,
      sellerName: org.name,
      sellerSlug: org.slug,
      ratingX100: num(org.rating_x100),
      ratingCount: Number(org.rating_count ?? 0),
      photoId: (r.photo_id as string | null) ?? null,
      score: 0,
    })),
    zones: zones.map((z) => ({ id: z.id, name: z.name, geometry: JSON.parse(z.geometry) })),
    reviews: reviewRows.map((r) => ({
      id: r.id,
      rating: Number(r.rating),
      body: r.body,
      customerFirstName: (r.customer_name ?? 'A customer').split(/\s+/)[0]!,
      serviceTitle: r.service_title,
      createdAt: iso(r.created_at)!,
      reply: r.reply,
      repliedAt: iso(r.replied_at),
    })),
    reviewSummary: { count: Number(agg[0]?.n ?? 0), averageX100: num(agg[0]?.x100) },
  };
}

// --- seller screens --------------------------------------------------------------------------

export interface ProviderListingRow {
  id: string;
  kind: ListingKind;
  title: string;
  status: ListingStatus;
  statusReason: string | null;
  priceMinor: number;
  currency: string;
  version: number;
  updatedAt: string;
  itemName: string | null;
  serviceTitle: string | null;
}

export async function listProviderListings(ctx: Ctx): Promise<ProviderListingRow[]> {
  authorize(ctx.actor, 'listings.manage');
  const orgId = managedProviderOrgId(ctx.actor);
  const rows = rowsOf<Record<string, unknown>>(
    await exec(ctx).execute(sql`
      select l.id, l.kind, l.title, l.status, l.status_reason, l.price_minor::text as price_minor, l.currency, l.version, l.updated_at,
             i.name as item_name, s.title as service_title
      from listings l left join inventory_items i on i.id = l.item_id left join services s on s.id = l.service_id
      where l.provider_org_id = ${orgId} order by l.updated_at desc, l.id`),
  );
  return rows.map((r) => toProviderRow(r, r.price_minor));
}

/** A listing row (with item name / service title joined) as the seller and moderators see it. */
function toProviderRow(r: Record<string, unknown>, priceText: unknown): ProviderListingRow {
  return {
    id: r.id as string,
    kind: r.kind as ListingKind,
    title: r.title as string,
    status: r.status as ListingStatus,
    statusReason: (r.status_reason as string | null) ?? null,
    priceMinor: wire(priceText)!,
    currency: String(r.currency).trim(),
    version: Number(r.version),
    updatedAt: iso(r.updated_at as string)!,
    itemName: (r.item_name as string | null) ?? null,
    serviceTitle: (r.service_title as string | null) ?? null,
  };
}

export interface ModerationEventRow {
  action: string;
  fromStatus: string | null;
  toStatus: string;
  reason: string | null;
  actorName: string | null;
  at: string;
}

async function eventsOf(ex: Executor, listingIds: string[], perListing: number): Promise<Map<string, ModerationEventRow[]>> {
  const out = new Map<string, ModerationEventRow[]>();
  if (!listingIds.length) return out;
  const rows = rowsOf<{ listing_id: string; action: string; from_status: string | null; to_status: string; reason: string | null; actor_name: string | null; created_at: Date | string }>(
    await ex.execute(sql`
      select * from (
        select e.listing_id, e.action, e.from_status, e.to_status, e.reason, u.name as actor_name, e.created_at,
               row_number() over (partition by e.listing_id order by e.created_at desc, e.id desc) as rn
        from listing_moderation_events e left join users u on u.id = e.actor_user_id
        where e.listing_id in (${sql.join(listingIds.map((id) => sql`${id}::uuid`), sql`, `)})
      ) x where rn <= ${perListing} order by created_at desc`),
  );
  for (const r of rows) {
    const list = out.get(r.listing_id) ?? [];
    list.push({ action: r.action, fromStatus: r.from_status, toStatus: r.to_status, reason: r.reason, actorName: r.actor_name, at: iso(r.created_at)! });
    out.set(r.listing_id, list);
  }
  return out;
}

export interface ProviderListingDetail extends ProviderListingRow {
  description: string;
  categoryId: string | null;
  itemId: string | null;
  serviceId: string | null;
  photoIds: string[];
  events: ModerationEventRow[];
  /** The seller's status now: an approved listing is shown only while this is 'approved'. */
  sellerStatus: SellerStatus['status'];
}

export async function getProviderListing(ctx: Ctx, listingId: string): Promise<ProviderListingDetail> {
  authorize(ctx.actor, 'listings.manage');
  const orgId = managedProviderOrgId(ctx.actor);
  if (!isUuid(listingId)) throw notFound('That listing');
  const ex = exec(ctx);
  const [r] = rowsOf<Record<string, unknown>>(
    await ex.execute(sql`
      select l.*, l.price_minor::text as price_text, i.name as item_name, s.title as service_title
      from listings l left join inventory_items i on i.id = l.item_id left join services s on s.id = l.service_id
      where l.id = ${listingId} and l.provider_org_id = ${orgId}`),
  );
  if (!r) throw notFound('That listing');
  const [events, photos, seller] = await Promise.all([
    eventsOf(ex, [listingId], 20),
    rowsOf<{ file_id: string }>(await ex.execute(sql`select file_id from listing_photos where listing_id = ${listingId} order by position`)),
    sellerStatus(ex, orgId, ctx.now),
  ]);
  return {
    ...toProviderRow(r, r.price_text),
    description: r.description as string,
    categoryId: (r.category_id as string | null) ?? null,
    itemId: (r.item_id as string | null) ?? null,
    serviceId: (r.service_id as string | null) ?? null,
    photoIds: photos.map((p) => p.file_id),
    events: events.get(listingId) ?? [],
    sellerStatus: seller.status,
  };
}

export interface ListingFormOptions {
  services: Array<{ id: string; title: string; priceMinor: number; currency: string }>;
  items: Array<{ id: string; name: string; sku: string; mode: 'rental' | 'purchase' | 'hybrid'; kind: 'tool' | 'material'; dailyRateMinor: number | null; salePriceMinor: number | null; currency: string }>;
  categories: Array<{ id: string; name: string }>;
}

/** What a seller can list: its own active services and active inventory items. */
export async function listingFormOptions(ctx: Ctx): Promise<ListingFormOptions> {
  authorize(ctx.actor, 'listings.manage');
  const orgId = managedProviderOrgId(ctx.actor);
  const ex = exec(ctx);
  const [services, items, categories] = await Promise.all([
    rowsOf<{ id: string; title: string; price_minor: string; currency: string }>(
      await ex.execute(sql`select id, title, price_minor::text as price_minor, currency from services where provider_org_id = ${orgId} and status = 'active' order by title`),
    ),
    rowsOf<{ id: string; name: string; sku: string; mode: 'rental' | 'purchase' | 'hybrid'; kind: 'tool' | 'material'; daily_rate_minor: string | null; sale_price_minor: string | null; currency: string }>(
      await ex.execute(sql`
        select id, name, sku, mode, kind, daily_rate_minor::text as daily_rate_minor, sale_price_minor::text as sale_price_minor, currency
        from inventory_items where provider_org_id = ${orgId} and status = 'active' order by name`),
    ),
    rowsOf<{ id: string; name: string }>(await ex.execute(sql`select id, name from service_categories order by sort_order, name`)),
  ]);
  return {
    services: services.map((s) => ({ id: s.id, title: s.title, priceMinor: wire(s.price_minor)!, currency: s.currency.trim() })),
    items: items.map((i) => ({ id: i.id, name: i.name, sku: i.sku, mode: i.mode, kind: i.kind, dailyRateMinor: wire(i.daily_rate_minor), salePriceMinor: wire(i.sale_price_minor), currency: i.currency.trim() })),
    categories,
  };
}

// --- moderation queue --------------------------------------------------------------------------

export interface QueueRow extends ProviderListingRow {
  description: string;
  sellerName: string;
  sellerSlug: string;
  providerOrgId: string;
  submittedAt: string | null;
  seller: SellerStatus;
  events: ModerationEventRow[];
}

/** moderationQueue(ctx, status) — listings in `status` (default pending review), oldest submission first. */
export async function moderationQueue(ctx: Ctx, status: 'pending_review' | 'approved' | 'suspended' | 'rejected' = 'pending_review'): Promise<QueueRow[]> {
  authorize(ctx.actor, 'listings.moderate');
  const ex = exec(ctx);
  const rows = rowsOf<Record<string, unknown>>(
    await ex.execute(sql`
      select l.id, l.kind, l.title, l.description, l.status, l.status_reason, l.price_minor::text as price_minor, l.currency, l.version, l.updated_at,
             l.submitted_at, l.provider_org_id, o.name as seller_name, o.slug as seller_slug, i.name as item_name, s.title as service_title
      from listings l join organisations o on o.id = l.provider_org_id
      left join inventory_items i on i.id = l.item_id left join services s on s.id = l.service_id
      where l.status = ${status}
      order by l.submitted_at asc nulls last, l.id limit 200`),
  );
  const ids = rows.map((r) => r.id as string);
  const events = await eventsOf(ex, ids, 5);
  const orgs = [...new Set(rows.map((r) => r.provider_org_id as string))];
  const statuses = new Map(await Promise.all(orgs.map(async (o) => [o, await sellerStatus(ex, o, ctx.now)] as const)));
  return rows.map((r) => ({
    ...toProviderRow(r, r.price_minor),
    description: r.description as string,
    sellerName: r.seller_name as string,
    sellerSlug: r.seller_slug as string,
    providerOrgId: r.provider_org_id as string,
    submittedAt: iso(r.submitted_at as string | null),
    seller: statuses.get(r.provider_org_id as string)!,
    events: events.get(r.id as string) ?? [],
  }));
}
