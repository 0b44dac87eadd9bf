/**
 * Shared building blocks of the bid verbs: the locked job row, the caller's provider, the bid
 * row, notifications. Every write verb locks the job row FOR UPDATE first, so a bid, a revision,
 * an award and the deadline job touching one job run one after another — a bid cannot slip in
 * after the award or the deadline, and two awards cannot both pass the status check.
 */
import { sql } from 'drizzle-orm';
import { rowsOf, type Tx } from '@/db/client';
import type { Actor, UserActor } from '@/lib/core/context';
import { AppError, forbidden, notFound } from '@/lib/core/errors';
import { notify, providerAdminUserIds } from '@/lib/bookings/internal';

export interface LockedJob {
  id: string;
  reference: string;
  customerId: string;
  title: string;
  categoryId: string;
  currency: string;
  status: 'open' | 'closed' | 'awarded' | 'cancelled';
  bidDeadline: Date;
  awardedBidId: string | null;
  lon: number;
  lat: number;
  addressLine: string;
}

export async function lockJob(tx: Tx, jobId: string): Promise<LockedJob> {
  const [r] = rowsOf<{
    id: string;
    reference: string;
    customer_id: string;
    title: string;
    category_id: string;
    currency: string;
    status: LockedJob['status'];
    bid_deadline: string | Date;
    awarded_bid_id: string | null;
    lon: number | string;
    lat: number | string;
    address_line: string;
  }>(
    await tx.execute(sql`
      select id::text, reference, customer_id::text, title, category_id::text, currency, status::text as status, bid_deadline,
             awarded_bid_id::text, ST_X(location) as lon, ST_Y(location) as lat, address_line
        from custom_jobs where id = ${jobId}::uuid for update`),
  );
  if (!r) throw notFound('That job');
  return {
    id: r.id,
    reference: r.reference,
    customerId: r.customer_id,
    title: r.title,
    categoryId: r.category_id,
    currency: r.currency.trim(),
    status: r.status,
    bidDeadline: new Date(r.bid_deadline),
    awardedBidId: r.awarded_bid_id,
    lon: Number(r.lon),
    lat: Number(r.lat),
    addressLine: r.address_line,
  };
}

/** Bids move only while the job is open and before its deadline; the 409 names what closed it. */
export function assertBiddable(job: LockedJob, now: Date): void {
  if (job.status !== 'open') throw new AppError('CONFLICT', `This job is ${job.status} — bids can no longer change.`, { jobStatus: job.status });
  if (now.getTime() >= job.bidDeadline.getTime()) throw new AppError('CONFLICT', 'The bid deadline for this job has passed.', { jobStatus: 'closed', bidDeadline: job.bidDeadline.toISOString() });
}

/** The provider organisations the caller administers (active provider_admin memberships). */
export function adminOrgIds(actor: Actor): string[] {
  if (actor.kind !== 'user') return [];
  return [...new Set(actor.memberships.filter((m) => m.role === 'provider_admin' && m.orgKind === 'provider' && m.orgId).map((m) => m.orgId!))];
}

/** The one provider a provider admin acts for (the first; a multi-provider admin is not a case yet). */
export function callerProviderOrg(actor: UserActor): string {
  const org = adminOrgIds(actor)[0];
  if (!org) throw forbidden('You are not an admin of a provider.');
  return org;
}

export interface BidRow {
  id: string;
  jobId: string;
  providerOrgId: string;
  amountMinor: bigint;
  currency: string;
  message: string;
  etaDays: number;
  status: 'active' | 'withdrawn' | 'declined' | 'awarded';
  revision: number;
}

export async function loadBid(tx: Tx, bidId: string, forUpdate = false): Promise<BidRow | null> {
  const [r] = rowsOf<{ id: string; job_id: string; provider_org_id: string; amount_minor: string; currency: string; message: string; eta_days: number; status: BidRow['status']; revision: number }>(
    await tx.execute(sql`
      select id::text, job_id::text, provider_org_id::text, amount_minor::text, currency, message, eta_days, status::text as status, revision
        from bids where id = ${bidId}::uuid ${forUpdate ? sql`for update` : sql``}`),
  );
  if (!r) return null;
  return { id: r.id, jobId: r.job_id, providerOrgId: r.provider_org_id, amountMinor: BigInt(r.amount_minor), currency: r.currency.trim(), message: r.message, etaDays: r.eta_days, status: r.status, revision: r.revision };
}

export async function jobIdOfBid(tx: Tx, bidId: string): Promise<string | null> {
  const [r] = rowsOf<{ job_id: string }>(await tx.execute(sql`select job_id::text from bids where id = ${bidId}::uuid`));
  return r?.job_id ?? null;
}

export async function providerName(tx: Tx, orgId: string): Promise<string> {
  const [r] = rowsOf<{ name: string }>(await tx.execute(sql`select name from organisations where id = ${orgId}::uuid`));
  return r?.name ?? 'A provider';
}

export const customerJobHref = (jobId: string) => `/account/jobs/${jobId}`;
export const providerJobHref = (jobId: string) => `/provider/job-feed/${jobId}`;

export async function notifyProviderAdmins(tx: Tx, orgId: string, at: Date, n: Parameters<typeof notify>[2]): Promise<void> {
  await notify(tx, await providerAdminUserIds(tx, orgId, at), n);
}

export { notify };
