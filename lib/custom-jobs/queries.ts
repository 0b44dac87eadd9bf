/**
 * Reads of custom jobs. Visibility is one rule (internal.ts `viewerOf`): the posting customer,
 * operations, and provider admins whose business is eligible (eligibility.ts) — everyone else gets
 * NOT_FOUND, never a hint that the job exists.
 */
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { rowsOf, type Executor } from '@/db/client';
import { customJobInvites, customJobs, organisations, serviceCategories, zones } from '@/db/schema';
import { authorize, can } from '@/lib/core/auth/permissions';
import { exec, type Ctx } from '@/lib/core/context';
import { AppError, notFound, validation } from '@/lib/core/errors';
import { toWire } from '@/lib/core/money';
import { parseInput } from '@/lib/core/validate';
import { readStoredFile } from '@/lib/storage';
import { eligibleSql } from './eligibility';
import { adminProviderOrgIds, jobPhotos, jobPhotoUrl, viewerOf, type JobPhoto, type Viewer } from './internal';
import { jobFeedQuery, type JobFeedQuery } from './schemas';

export type JobStatus = (typeof customJobs.$inferSelect)['status'];

export interface JobDetail {
  id: string;
  reference: string;
  title: string;
  description: string;
  category: { id: string; name: string };
  zone: { id: string; name: string } | null;
  outOfZoneAllowed: boolean;
  addressLine: string;
  location: { lon: number; lat: number };
  budgetMinMinor: number;
  budgetMaxMinor: number;
  currency: string;
  bidDeadline: string;
  inviteOnly: boolean;
  /** Shown to the customer and operations only (a provider does not learn who else was invited). */
  invites: Array<{ orgId: string; name: string }>;
  status: JobStatus;
  version: number;
  photos: JobPhoto[];
  bidCount: number;
  createdAt: string;
  updatedAt: string;
  viewer: Viewer;
  /** The provider admin's organisation this view is for. */
  providerOrgId: string | null;
}

async function loadJob(ex: Executor, jobId: string) {
  if (!/^[0-9a-f-]{36}$/i.test(jobId)) return null;
  const rows = rowsOf<Record<string, unknown>>(
    await ex.execute(sql`
      select j.id::text, j.reference, j.title, j.description, j.category_id::text, c.name as category_name, j.zone_id::text, z.name as zone_name,
             j.out_of_zone_allowed, j.address_line, ST_X(j.location) as lon, ST_Y(j.location) as lat, j.budget_min_minor::text, j.budget_max_minor::text,
             trim(j.currency) as currency, j.bid_deadline, j.invite_only, j.status::text, j.version, j.created_at, j.updated_at, j.customer_id::text,
             (select count(*)::int from bids b where b.job_id = j.id and b.status in ('active', 'awarded')) as bid_count
        from custom_jobs j
        join service_categories c on c.id = j.category_id
        left join zones z on z.id = j.zone_id
       where j.id = ${jobId}::uuid`),
  );
  return rows[0] ?? null;
}

const iso = (v: unknown) => new Date(v as string | Date).toISOString();

/** One job as the caller may see it (NOT_FOUND when they may not). */
export async function getJob(ctx: Ctx, jobId: string): Promise<JobDetail> {
  if (ctx.actor.kind !== 'user') throw new AppError('UNAUTHENTICATED', 'Please sign in to continue.');
  const ex = exec(ctx);
  const r = await loadJob(ex, jobId);
  if (!r) throw notFound('That job');
  const rel = await viewerOf(ex, ctx.actor, { id: jobId, customerId: r.customer_id as string }, ctx.now);
  if (!rel) throw notFound('That job');
  const invites =
    rel.viewer === 'provider'
      ? []
      : await ex
          .select({ orgId: customJobInvites.providerOrgId, name: organisations.name })
          .from(customJobInvites)
          .innerJoin(organisations, eq(organisations.id, customJobInvites.providerOrgId))
          .where(eq(customJobInvites.jobId, jobId))
          .orderBy(asc(organisations.name));
  return {
    id: r.id as string,
    reference: r.reference as string,
    title: r.title as string,
    description: r.description as string,
    category: { id: r.category_id as string, name: r.category_name as string },
    zone: r.zone_id ? { id: r.zone_id as string, name: r.zone_name as string } : null,
    outOfZoneAllowed: r.out_of_zone_allowed as boolean,
    addressLine: r.address_line as string,
    location: { lon: Number(r.lon), lat: Number(r.lat) },
    budgetMinMinor: toWire(BigInt(r.budget_min_minor as string)),
    budgetMaxMinor: toWire(BigInt(r.budget_max_minor as string)),
    currency: r.currency as string,
    bidDeadline: iso(r.bid_deadline),
    inviteOnly: r.invite_only as boolean,
    invites,
    status: r.status as JobStatus,
    version: Number(r.version),
    photos: await jobPhotos(ex, jobId),
    bidCount: Number(r.bid_count),
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
    viewer: rel.viewer,
    providerOrgId: rel.providerOrgId,
  };
}

/** The bytes of one of a job's photos, after the same visibility check as the job itself. */
export async function readJobPhoto(ctx: Ctx, jobId: string, fileId: string) {
  const job = await getJob(ctx, jobId);
  if (!job.photos.some((p) => p.fileId === fileId)) throw notFound('That photo');
  return readStoredFile(exec(ctx), fileId);
}

export interface MyJobRow {
  id: string;
  reference: string;
  title: string;
  status: JobStatus;
  bidCount: number;
  bidDeadline: string;
  budgetMinMinor: number;
  budgetMaxMinor: number;
  currency: string;
  createdAt: string;
}

/** The caller's own jobs, newest first. */
export async function listMyJobs(ctx: Ctx): Promise<MyJobRow[]> {
  authorize(ctx.actor, 'jobs.post');
  if (ctx.actor.kind !== 'user') return [];
  const rows = await exec(ctx)
    .select({
      id: customJobs.id,
      reference: customJobs.reference,
      title: customJobs.title,
      status: customJobs.status,
      bidDeadline: customJobs.bidDeadline,
      budgetMinMinor: customJobs.budgetMinMinor,
      budgetMaxMinor: customJobs.budgetMaxMinor,
      currency: customJobs.currency,
      createdAt: customJobs.createdAt,
      bidCount: sql<number>`(select count(*)::int from bids b where b.job_id = custom_jobs.id and b.status in ('active', 'awarded'))`,
    })
    .from(customJobs)
    .where(eq(customJobs.customerId, ctx.actor.userId))
    .orderBy(desc(customJobs.createdAt), desc(customJobs.id))
    .limit(200);
  return rows.map((r) => ({
    ...r,
    currency: r.currency.trim(),
    bidCount: Number(r.bidCount),
    bidDeadline: r.bidDeadline.toISOString(),
    createdAt: r.createdAt.toISOString(),
    budgetMinMinor: toWire(r.budgetMinMinor),
    budgetMaxMinor: toWire(r.budgetMaxMinor),
  }));
}

// ---- the provider feed --------------------------------------------------------------------------

export interface FeedItem {
  id: string;
  reference: string;
  title: string;
  excerpt: string;
  category: { id: string; name: string };
  zone: { id: string; name: string } | null;
  outOfZone: boolean;
  addressLine: string;
  /** From the provider's base point; null when it has no profile. */
  distanceKm: number | null;
  budgetMinMinor: number;
  budgetMaxMinor: number;
  currency: string;
  bidDeadline: string;
  bidCount: number;
  alreadyBid: boolean;
  invited: boolean;
  coverPhotoUrl: string | null;
  version: number;
  createdAt: string;
}

export interface FeedPage {
  items: FeedItem[];
  nextCursor: string | null;
  providerOrgId: string;
}

export const FEED_PAGE_SIZE = 20;

/** The provider organisation whose feed the caller reads (its first administered business). */
export function feedOrgId(ctx: Ctx): string {
  authorize(ctx.actor, 'jobs.feed');
  const org = adminProviderOrgIds(ctx.actor)[0];
  if (!org) throw new AppError('FORBIDDEN', 'You do not administer a provider business.');
  return org;
}

const encodeCursor = (createdAt: string, id: string) => Buffer.from(`${createdAt}|${id}`).toString('base64url');
function decodeCursor(cursor: string): { createdAt: string; id: string } {
  const [createdAt, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!createdAt || !id || Number.isNaN(Date.parse(createdAt)) || !/^[0-9a-f-]{36}$/i.test(id)) throw validation({ cursor: ['is not a cursor from this feed'] });
  return { createdAt, id };
}

function feedSql(org: string, at: Date, where: ReturnType<typeof sql>, limit: number) {
  return sql`
    select j.id::text, j.reference, j.title, left(j.description, 240) as excerpt, j.category_id::text, c.name as category_name,
           j.zone_id::text, z.name as zone_name, j.address_line, j.budget_min_minor::text, j.budget_max_minor::text, trim(j.currency) as currency,
           j.bid_deadline, j.version, j.created_at,
           case when pp.base_point is null then null else ST_Distance(pp.base_point::geography, j.location::geography) end as meters,
           (select count(*)::int from bids b where b.job_id = j.id and b.status = 'active') as bid_count,
           exists (select 1 from bids b where b.job_id = j.id and b.provider_org_id = ${org}::uuid and b.status = 'active') as already_bid,
           exists (select 1 from custom_job_invites i where i.job_id = j.id and i.provider_org_id = ${org}::uuid) as invited,
           (select p.file_id::text from custom_job_photos p where p.job_id = j.id order by p.position limit 1) as cover_file_id
      from custom_jobs j
      join service_categories c on c.id = j.category_id
      left join zones z on z.id = j.zone_id
      left join provider_profiles pp on pp.org_id = ${org}::uuid
     where j.status = 'open' and j.bid_deadline > ${at.toISOString()}::timestamptz
       and ${eligibleSql(sql`${org}::uuid`, at)}
       ${where}
     order by j.created_at desc, j.id desc
     limit ${limit}`;
}

function toFeedItem(r: Record<string, unknown>): FeedItem {
  return {
    id: r.id as string,
    reference: r.reference as string,
    title: r.title as string,
    excerpt: r.excerpt as string,
    category: { id: r.category_id as string, name: r.category_name as string },
    zone: r.zone_id ? { id: r.zone_id as string, name: r.zone_name as string } : null,
    outOfZone: !r.zone_id,
    addressLine: r.address_line as string,
    distanceKm: r.meters === null || r.meters === undefined ? null : Math.round(Number(r.meters) / 100) / 10,
    budgetMinMinor: toWire(BigInt(r.budget_min_minor as string)),
    budgetMaxMinor: toWire(BigInt(r.budget_max_minor as string)),
    currency: r.currency as string,
    bidDeadline: iso(r.bid_deadline),
    bidCount: Number(r.bid_count),
    alreadyBid: r.already_bid === true,
    invited: r.invited === true,
    coverPhotoUrl: r.cover_file_id ? jobPhotoUrl(r.id as string, r.cover_file_id as string) : null,
    version: Number(r.version),
    createdAt: iso(r.created_at),
  };
}

/**
 * jobFeed(ctx, q) — open jobs (deadline not passed) the caller's business is eligible for, newest
 * first, keyset-paginated by (created_at, id), filtered by zone / category / out-of-zone.
 */
export async function jobFeed(ctx: Ctx, raw: JobFeedQuery = {}): Promise<FeedPage> {
  const org = feedOrgId(ctx);
  const q = parseInput(jobFeedQuery, raw);
  const conds = [];
  if (q.zoneId) conds.push(sql`and j.zone_id = ${q.zoneId}::uuid`);
  if (q.categoryId) conds.push(sql`and j.category_id = ${q.categoryId}::uuid`);
  if (q.outOfZone === true) conds.push(sql`and j.zone_id is null`);
  if (q.outOfZone === false) conds.push(sql`and j.zone_id is not null`);
  if (q.cursor) {
    const c = decodeCursor(q.cursor);
    conds.push(sql`and (j.created_at, j.id) < (${c.createdAt}::timestamptz, ${c.id}::uuid)`);
  }
  const rows = rowsOf<Record<string, unknown>>(await exec(ctx).execute(feedSql(org, ctx.now, sql.join(conds, sql` `), FEED_PAGE_SIZE + 1)));
  const items = rows.slice(0, FEED_PAGE_SIZE).map(toFeedItem);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > FEED_PAGE_SIZE && last ? encodeCursor(last.createdAt, last.id) : null, providerOrgId: org };
}

/** One job as a feed card for `org`, or null when it is not (or no longer) in that feed. */
export async function feedItemFor(ex: Executor, org: string, jobId: string, at: Date): Promise<FeedItem | null> {
  const rows = rowsOf<Record<string, unknown>>(await ex.execute(feedSql(org, at, sql`and j.id = ${jobId}::uuid`, 1)));
  return rows[0] ? toFeedItem(rows[0]) : null;
}

/** Whether `org` may hear about the job at all (eligible now, or holding a bid on it). */
export async function mayHearOf(ex: Executor, org: string, jobId: string, at: Date): Promise<boolean> {
  const rows = rowsOf<{ ok: boolean }>(
    await ex.execute(sql`select (${eligibleSql(sql`${org}::uuid`, at)}
                                 or exists (select 1 from bids b where b.job_id = j.id and b.provider_org_id = ${org}::uuid)) as ok
                           from custom_jobs j where j.id = ${jobId}::uuid`),
  );
  return rows[0]?.ok === true;
}

// ---- form options -------------------------------------------------------------------------------

export interface JobFormOptions {
  categories: Array<{ id: string; name: string }>;
  providers: Array<{ id: string; name: string }>;
  zones: Array<{ id: string; name: string; currency: string }>;
}

/** Categories, provider businesses (for invites, excluding the caller's own) and platform zones. */
export async function jobFormOptions(ctx: Ctx): Promise<JobFormOptions> {
  if (!can(ctx.actor, 'jobs.post') && !can(ctx.actor, 'jobs.feed')) throw new AppError('FORBIDDEN', 'You do not have permission to do that.');
  const ex = exec(ctx);
  const own = adminProviderOrgIds(ctx.actor);
  const [categories, providers, zoneRows] = await Promise.all([
    ex.select({ id: serviceCategories.id, name: serviceCategories.name }).from(serviceCategories).orderBy(asc(serviceCategories.sortOrder), asc(serviceCategories.name)),
    ex.select({ id: organisations.id, name: organisations.name }).from(organisations).where(eq(organisations.kind, 'provider')).orderBy(asc(organisations.name)).limit(500),
    ex
      .select({ id: zones.id, name: zones.name, currency: zones.currency })
      .from(zones)
      .where(and(eq(zones.ownerKind, 'platform'), eq(zones.status, 'active')))
      .orderBy(asc(zones.name))
      .limit(500),
  ]);
  return { categories, providers: providers.filter((p) => !own.includes(p.id)), zones: zoneRows.map((z) => ({ ...z, currency: z.currency.trim() })) };
}

/** Every job, newest first (operations' oversight view). */
export async function listAllJobs(ctx: Ctx, q: { status?: JobStatus } = {}): Promise<Array<MyJobRow & { customerId: string; zoneId: string | null }>> {
  authorize(ctx.actor, 'jobs.read_all');
  const rows = await exec(ctx)
    .select({
      id: customJobs.id,
      reference: customJobs.reference,
      title: customJobs.title,
      status: customJobs.status,
      bidDeadline: customJobs.bidDeadline,
      budgetMinMinor: customJobs.budgetMinMinor,
      budgetMaxMinor: customJobs.budgetMaxMinor,
      currency: customJobs.currency,
      createdAt: customJobs.createdAt,
      customerId: customJobs.customerId,
      zoneId: customJobs.zoneId,
      bidCount: sql<number>`(select count(*)::int from bids b where b.job_id = custom_jobs.id and b.status in ('active', 'awarded'))`,
    })
    .from(customJobs)
    .where(q.status ? eq(customJobs.status, q.status) : undefined)
    .orderBy(desc(customJobs.createdAt), desc(customJobs.id))
    .limit(500);
  return rows.map((r) => ({
    ...r,
    currency: r.currency.trim(),
    bidCount: Number(r.bidCount),
    bidDeadline: r.bidDeadline.toISOString(),
    createdAt: r.createdAt.toISOString(),
    budgetMinMinor: toWire(r.budgetMinMinor),
    budgetMaxMinor: toWire(r.budgetMaxMinor),
  }));
}
