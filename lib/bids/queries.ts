/**
 * Bid reads, each scoped by who asks: the job's customer sees every bid on its job; a provider
 * admin sees its own business's bid and thread only (another provider's bid is "not found");
 * operations read any. The award preview quotes the bid price as the booking would.
 */
import { sql } from 'drizzle-orm';
import { rowsOf, type Executor } from '@/db/client';
import { can } from '@/lib/core/auth/permissions';
import { exec, type Ctx } from '@/lib/core/context';
import { forbidden, notFound } from '@/lib/core/errors';
import { toWire } from '@/lib/core/money';
import { isEligibleProvider } from '@/lib/custom-jobs/eligibility';
import { governingZone, nearestPlatformZone } from '@/lib/bookings/create-booking';
import { quoteBooking } from '@/lib/finance/rates';
import { adminOrgIds } from './internal';
import { winnerService } from './award-bid';
import type { BidMessageWire, BidWire } from './schemas';

const iso = (d: string | Date) => new Date(d).toISOString();

function userId(ctx: Ctx): string {
  if (ctx.actor.kind !== 'user') throw forbidden();
  return ctx.actor.userId;
}

interface BidDbRow {
  id: string;
  job_id: string;
  provider_org_id: string;
  provider_name: string;
  rating_x100: number | null;
  rating_count: number | null;
  amount_minor: string;
  currency: string;
  message: string;
  eta_days: number;
  status: BidWire['status'];
  revision: number;
  booking_id: string | null;
  created_at: string | Date;
  updated_at: string | Date;
}

async function loadBids(ex: Executor, where: ReturnType<typeof sql>): Promise<BidWire[]> {
  const rows = rowsOf<BidDbRow>(
    await ex.execute(sql`
      select b.id::text, b.job_id::text, b.provider_org_id::text, o.name as provider_name, pp.rating_x_100 as rating_x100, pp.rating_count,
             b.amount_minor::text, b.currency, b.message, b.eta_days, b.status::text as status, b.revision,
             (select bk.id::text from bookings bk where bk.bid_id = b.id) as booking_id, b.created_at, b.updated_at
        from bids b join organisations o on o.id = b.provider_org_id
        left join provider_profiles pp on pp.org_id = b.provider_org_id
       where ${where}
       order by case b.status when 'awarded' then 0 when 'active' then 1 when 'declined' then 2 else 3 end, b.amount_minor, b.created_at`),
  );
  if (!rows.length) return [];
  const ids = sql.join(rows.map((r) => sql`${r.id}::uuid`), sql`, `);
  const revisions = rowsOf<{ bid_id: string; revision: number; amount_minor: string; eta_days: number; message: string; created_at: string | Date }>(
    await ex.execute(sql`select bid_id::text, revision, amount_minor::text, eta_days, message, created_at from bid_revisions where bid_id in (${ids}) order by revision desc`),
  );
  const files = rowsOf<{ bid_id: string; file_id: string; name: string; content_type: string; size_bytes: string | number }>(
    await ex.execute(sql`
      select a.bid_id::text, f.id::text as file_id, f.original_name as name, f.content_type, f.size_bytes
        from bid_attachments a join stored_files f on f.id = a.file_id and f.deleted_at is null
       where a.bid_id in (${ids}) order by a.created_at`),
  );
  return rows.map((r) => ({
    id: r.id,
    jobId: r.job_id,
    providerOrgId: r.provider_org_id,
    providerName: r.provider_name,
    rating: r.rating_x100 == null ? null : r.rating_x100 / 100,
    reviewCount: r.rating_count ?? 0,
    amountMinor: toWire(BigInt(r.amount_minor)),
    currency: r.currency.trim(),
    message: r.message,
    etaDays: r.eta_days,
    status: r.status,
    revision: r.revision,
    revisions: revisions
      .filter((v) => v.bid_id === r.id && v.revision < r.revision)
      .map((v) => ({ revision: v.revision, amountMinor: toWire(BigInt(v.amount_minor)), etaDays: v.eta_days, message: v.message, createdAt: iso(v.created_at) })),
    attachments: files.filter((f) => f.bid_id === r.id).map((f) => ({ fileId: f.file_id, name: f.name, contentType: f.content_type, sizeBytes: Number(f.size_bytes) })),
    bookingId: r.booking_id,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  }));
}

async function jobCustomer(ex: Executor, jobId: string): Promise<string | null> {
  const [r] = rowsOf<{ customer_id: string }>(await ex.execute(sql`select customer_id::text from custom_jobs where id = ${jobId}::uuid`));
  return r?.customer_id ?? null;
}

/** Every bid on the caller's job (withdrawn ones included, marked), with revisions and attachments. */
export async function listJobBids(ctx: Ctx, jobId: string): Promise<BidWire[]> {
  const me = userId(ctx);
  const ex = exec(ctx);
  const owner = await jobCustomer(ex, jobId);
  if (!owner || (owner !== me && !can(ctx.actor, 'jobs.read_all'))) throw notFound('That job');
  return loadBids(ex, sql`b.job_id = ${jobId}::uuid`);
}

/** The caller's business's bid on a job, or null. */
export async function myBidOnJob(ctx: Ctx, jobId: string): Promise<BidWire | null> {
  const orgs = adminOrgIds(ctx.actor);
  if (!orgs.length) return null;
  const list = await loadBids(exec(ctx), sql`b.job_id = ${jobId}::uuid and b.provider_org_id in (${sql.join(orgs.map((o) => sql`${o}::uuid`), sql`, `)})`);
  return list[0] ?? null;
}

export interface MyBidRow {
  bidId: string;
  jobId: string;
  jobTitle: string;
  jobReference: string;
  jobStatus: string;
  bidDeadline: string;
  amountMinor: number;
  currency: string;
  etaDays: number;
  status: BidWire['status'];
  revision: number;
  bookingId: string | null;
  updatedAt: string;
}

/** The bids of the caller's business, newest first. */
export async function listMyBids(ctx: Ctx): Promise<MyBidRow[]> {
  if (!can(ctx.actor, 'bids.manage')) throw forbidden();
  const orgs = adminOrgIds(ctx.actor);
  if (!orgs.length) return [];
  const rows = rowsOf<{
    id: string;
    job_id: string;
    title: string;
    reference: string;
    job_status: string;
    bid_deadline: string | Date;
    amount_minor: string;
    currency: string;
    eta_days: number;
    status: BidWire['status'];
    revision: number;
    booking_id: string | null;
    updated_at: string | Date;
  }>(
    await exec(ctx).execute(sql`
      select b.id::text, j.id::text as job_id, j.title, j.reference, j.status::text as job_status, j.bid_deadline, b.amount_minor::text, b.currency,
             b.eta_days, b.status::text as status, b.revision, (select bk.id::text from bookings bk where bk.bid_id = b.id) as booking_id, b.updated_at
        from bids b join custom_jobs j on j.id = b.job_id
       where b.provider_org_id in (${sql.join(orgs.map((o) => sql`${o}::uuid`), sql`, `)})
       order by b.updated_at desc limit 200`),
  );
  return rows.map((r) => ({
    bidId: r.id,
    jobId: r.job_id,
    jobTitle: r.title,
    jobReference: r.reference,
    jobStatus: r.job_status,
    bidDeadline: iso(r.bid_deadline),
    amountMinor: toWire(BigInt(r.amount_minor)),
    currency: r.currency.trim(),
    etaDays: r.eta_days,
    status: r.status,
    revision: r.revision,
    bookingId: r.booking_id,
    updatedAt: iso(r.updated_at),
  }));
}

/** A bid's Q&A thread: the job's customer, the bidding provider's admins, or operations. */
export async function bidThread(ctx: Ctx, bidId: string): Promise<BidMessageWire[]> {
  const me = userId(ctx);
  const ex = exec(ctx);
  const [b] = rowsOf<{ provider_org_id: string; customer_id: string }>(
    await ex.execute(sql`select b.provider_org_id::text, j.customer_id::text from bids b join custom_jobs j on j.id = b.job_id where b.id = ${bidId}::uuid`),
  );
  const allowed = b && (b.customer_id === me || adminOrgIds(ctx.actor).includes(b.provider_org_id) || can(ctx.actor, 'jobs.read_all'));
  if (!allowed) throw notFound('That bid');
  const rows = rowsOf<{ id: string; author_party: 'customer' | 'provider'; author_user_id: string | null; author_name: string | null; provider_name: string; body: string; created_at: string | Date }>(
    await ex.execute(sql`
      select m.id::text, m.author_party, m.author_user_id::text, u.name as author_name, o.name as provider_name, m.body, m.created_at
        from bid_messages m join bids b on b.id = m.bid_id join organisations o on o.id = b.provider_org_id
        left join users u on u.id = m.author_user_id
       where m.bid_id = ${bidId}::uuid order by m.created_at, m.id`),
  );
  return rows.map((r) => ({
    id: r.id,
    authorParty: r.author_party,
    // The customer sees the business's name; the provider sees "Customer" (no personal name needed).
    authorName: r.author_party === 'provider' ? r.provider_name : 'Customer',
    body: r.body,
    createdAt: iso(r.created_at),
    mine: r.author_user_id === me,
  }));
}

export interface ProviderJobView {
  id: string;
  reference: string;
  title: string;
  description: string;
  categoryName: string;
  addressArea: string;
  budgetMinMinor: number;
  budgetMaxMinor: number;
  currency: string;
  bidDeadline: string;
  status: string;
  photoFileIds: string[];
  eligible: boolean;
  myBid: BidWire | null;
}

/**
 * The job as a provider sees it: only when its business is eligible or already bid (a bid stays
 * visible after the job closes). The exact street line is not shown before an award.
 */
export async function providerJob(ctx: Ctx, jobId: string): Promise<ProviderJobView> {
  if (!can(ctx.actor, 'bids.manage')) throw forbidden();
  const ex = exec(ctx);
  const orgs = adminOrgIds(ctx.actor);
  const org = orgs[0];
  if (!org) throw forbidden('You are not an admin of a provider.');
  const [j] = rowsOf<{
    id: string;
    reference: string;
    title: string;
    description: string;
    category_name: string;
    address_line: string;
    budget_min_minor: string;
    budget_max_minor: string;
    currency: string;
    bid_deadline: string | Date;
    status: string;
  }>(
    await ex.execute(sql`
      select j.id::text, j.reference, j.title, j.description, c.name as category_name, j.address_line, j.budget_min_minor::text, j.budget_max_minor::text,
             j.currency, j.bid_deadline, j.status::text as status
        from custom_jobs j join service_categories c on c.id = j.category_id where j.id = ${jobId}::uuid`),
  );
  if (!j) throw notFound('That job');
  const eligible = await isEligibleProvider(ex, { jobId, providerOrgId: org, at: ctx.now });
  const myBid = await myBidOnJob(ctx, jobId);
  if (!eligible && !myBid) throw notFound('That job');
  const photos = rowsOf<{ file_id: string }>(await ex.execute(sql`select file_id::text from custom_job_photos where job_id = ${jobId}::uuid order by position`));
  const awarded = myBid?.status === 'awarded';
  return {
    id: j.id,
    reference: j.reference,
    title: j.title,
    description: j.description,
    categoryName: j.category_name,
    addressArea: awarded ? j.address_line : areaOf(j.address_line),
    budgetMinMinor: toWire(BigInt(j.budget_min_minor)),
    budgetMaxMinor: toWire(BigInt(j.budget_max_minor)),
    currency: j.currency.trim(),
    bidDeadline: iso(j.bid_deadline),
    status: j.status,
    photoFileIds: photos.map((p) => p.file_id),
    eligible,
    myBid,
  };
}

/** "12 Acacia Road, London SW4 7AB" → "London SW4 7AB": the area without the street line. */
function areaOf(addressLine: string): string {
  const parts = addressLine.split(',').map((p) => p.trim()).filter(Boolean);
  return parts.length > 1 ? parts.slice(1).join(', ') : 'Shared after the award';
}

export interface AwardPreview {
  serviceId: string;
  serviceTitle: string;
  durationMinutes: number;
  /** The job location's zone time zone: slots are shown in it. */
  timeZone: string;
  currency: string;
  lines: Array<{ key: string; label: string; amountMinor: number; included?: boolean }>;
  totalMinor: number;
}

/** What awarding this bid would book and cost: the winner's service and the quote at the bid price. */
export async function awardPreview(ctx: Ctx, q: { jobId: string; bidId: string }): Promise<AwardPreview> {
  const me = userId(ctx);
  const ex = exec(ctx);
  const [r] = rowsOf<{ customer_id: string; category_id: string; lon: number | string; lat: number | string; provider_org_id: string; amount_minor: string; currency: string }>(
    await ex.execute(sql`
      select j.customer_id::text, j.category_id::text, ST_X(j.location) as lon, ST_Y(j.location) as lat, b.provider_org_id::text, b.amount_minor::text, b.currency
        from custom_jobs j join bids b on b.job_id = j.id where j.id = ${q.jobId}::uuid and b.id = ${q.bidId}::uuid`),
  );
  if (!r || r.customer_id !== me) throw notFound('That bid');
  const lon = Number(r.lon);
  const lat = Number(r.lat);
  const serviceId = await winnerService(ex, { providerOrgId: r.provider_org_id, categoryId: r.category_id, lon, lat });
  if (!serviceId) throw notFound('A service of this provider in the job\u2019s category');
  // The same zone the award will book under: the containing platform zone, else the nearest.
  const zone = (await governingZone(ex, lon, lat)) ?? (await nearestPlatformZone(ex, lon, lat));
  if (!zone) throw notFound('A service zone at the job\u2019s address');
  const [svc] = rowsOf<{ title: string; duration_minutes: number }>(await ex.execute(sql`select title, duration_minutes from services where id = ${serviceId}::uuid`));
  const quote = await quoteBooking(ex, {
    service: { categoryId: r.category_id, priceMinor: BigInt(r.amount_minor), currency: r.currency.trim(), taxInclusive: false },
    zone: { currency: zone.currency, taxRegion: zone.tax_region, demandLevel: zone.demand_level },
    bookingType: 'scheduled',
    at: ctx.now,
  });
  return {
    serviceId,
    serviceTitle: svc?.title ?? '',
    durationMinutes: svc?.duration_minutes ?? 0,
    timeZone: zone.time_zone,
    currency: quote.currency,
    lines: quote.lines.map((l) => ({ key: l.key, label: l.label, amountMinor: toWire(l.amountMinor), ...(l.included ? { included: true } : {}) })),
    totalMinor: toWire(quote.totalMinor),
  };
}

/** A bid addressed under a job URL must be that job's: a mismatched pair is "not found". */
export async function assertBidOnJob(ctx: Ctx, jobId: string, bidId: string): Promise<void> {
  const uuidRe = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  if (!uuidRe.test(jobId) || !uuidRe.test(bidId)) throw notFound('That bid');
  const [r] = rowsOf<{ ok: boolean }>(await exec(ctx).execute(sql`select exists (select 1 from bids where id = ${bidId}::uuid and job_id = ${jobId}::uuid) as ok`));
  if (!r?.ok) throw notFound('That bid');
}

/** An attachment's file id, once the caller may see the bid (its customer, its provider, operations). */
export async function bidAttachmentFileId(ctx: Ctx, q: { jobId: string; bidId: string; fileId: string }): Promise<string> {
  await assertBidOnJob(ctx, q.jobId, q.bidId);
  const me = userId(ctx);
  const ex = exec(ctx);
  const [b] = rowsOf<{ provider_org_id: string; customer_id: string }>(
    await ex.execute(sql`select b.provider_org_id::text, j.customer_id::text from bids b join custom_jobs j on j.id = b.job_id where b.id = ${q.bidId}::uuid`),
  );
  const allowed = b && (b.customer_id === me || adminOrgIds(ctx.actor).includes(b.provider_org_id) || can(ctx.actor, 'jobs.read_all'));
  if (!allowed || !/^[0-9a-f-]{36}$/i.test(q.fileId)) throw notFound('That file');
  const [f] = rowsOf<{ ok: boolean }>(await ex.execute(sql`select exists (select 1 from bid_attachments where bid_id = ${q.bidId}::uuid and file_id = ${q.fileId}::uuid) as ok`));
  if (!f?.ok) throw notFound('That file');
  return q.fileId;
}

/** The job's bidding state for its customer's panel: status, deadline, the awarded bid's booking. */
export async function customerJobBidding(ctx: Ctx, jobId: string): Promise<{ status: string; bidDeadline: string; awardedBidId: string | null }> {
  const me = userId(ctx);
  const [r] = rowsOf<{ customer_id: string; status: string; bid_deadline: string | Date; awarded_bid_id: string | null }>(
    await exec(ctx).execute(sql`select customer_id::text, status::text as status, bid_deadline, awarded_bid_id::text from custom_jobs where id = ${jobId}::uuid`),
  );
  if (!r || (r.customer_id !== me && !can(ctx.actor, 'jobs.read_all'))) throw notFound('That job');
  return { status: r.status, bidDeadline: iso(r.bid_deadline), awardedBidId: r.awarded_bid_id };
}
