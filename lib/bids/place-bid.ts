/**
 * placeBid(ctx, raw, files) — a provider admin bids for its business on a custom job it is
 * eligible for (the one eligibility rule of lib/custom-jobs), while the job is open and before its
 * deadline, in the job's currency. One bid per provider per job: a second placement is a 409
 * ("revise it instead"); a withdrawn bid is placed again on the same row with the next revision.
 * Every placement writes a bid_revisions row, so the customer and a later dispute see the history.
 */
import { sql } from 'drizzle-orm';
import { db, pgErrorInfo, rowsOf } from '@/db/client';
import { bidRevisions, bids } from '@/db/schema';
import { emitEvent } from '@/lib/analytics/events';
import { recordAudit } from '@/lib/audit/record-audit';
import { authorize } from '@/lib/core/auth/permissions';
import type { Ctx, UserActor } from '@/lib/core/context';
import { AppError, forbidden, validation } from '@/lib/core/errors';
import { newId } from '@/lib/core/ids';
import { parseInput } from '@/lib/core/validate';
import { isEligibleProvider } from '@/lib/custom-jobs/eligibility';
import { mailMoney } from '@/lib/bookings/mail-text';
import { checkAttachmentCount, replaceAttachments, type UploadedFile } from './attachments';
import { assertBiddable, callerProviderOrg, customerJobHref, lockJob, notify, providerName } from './internal';
import { placeBidInput } from './schemas';

export const alreadyBid = () => new AppError('CONFLICT', 'You already bid on this job — revise it instead.');

export async function placeBid(ctx: Ctx, raw: unknown, files: readonly UploadedFile[] = []): Promise<{ bidId: string; revision: number }> {
  authorize(ctx.actor, 'bids.manage');
  const input = parseInput(placeBidInput, raw);
  checkAttachmentCount(files);
  const actor = ctx.actor as UserActor;
  const orgId = callerProviderOrg(actor);
  const run = async (tx: NonNullable<Ctx['tx']>) => {
    const c = { ...ctx, tx };
    const job = await lockJob(tx, input.jobId);
    if (!(await isEligibleProvider(tx, { jobId: job.id, providerOrgId: orgId, at: ctx.now }))) throw forbidden('Your business cannot bid on this job.');
    assertBiddable(job, ctx.now);
    if (input.currency && input.currency.toUpperCase() !== job.currency) throw validation({ currency: [`must be ${job.currency}, the job's currency`] });

    const [existing] = rowsOf<{ id: string; status: string; revision: number }>(
      await tx.execute(sql`select id::text, status::text as status, revision from bids where job_id = ${job.id}::uuid and provider_org_id = ${orgId}::uuid for update`),
    );
    if (existing && existing.status !== 'withdrawn') throw alreadyBid();

    const bidId = existing?.id ?? newId();
    const revision = existing ? existing.revision + 1 : 1;
    if (existing) {
      await tx.execute(sql`
        update bids set amount_minor = ${input.amountMinor.toString()}::bigint, message = ${input.message}, eta_days = ${input.etaDays}, status = 'active',
               revision = ${revision}, placed_by = ${actor.userId}::uuid, withdrawn_at = null, decided_at = null, updated_at = ${ctx.now.toISOString()}::timestamptz
         where id = ${bidId}::uuid`);
    } else {
      await tx.insert(bids).values({
        id: bidId,
        jobId: job.id,
        providerOrgId: orgId,
        amountMinor: BigInt(input.amountMinor),
        currency: job.currency,
        message: input.message,
        etaDays: input.etaDays,
        placedBy: actor.userId,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      });
    }
    await tx.insert(bidRevisions).values({ id: newId(), bidId, revision, amountMinor: BigInt(input.amountMinor), message: input.message, etaDays: input.etaDays, createdAt: ctx.now });
    const attachments = await replaceAttachments(tx, bidId, actor.userId, files);

    await emitEvent(c, 'bid.placed', { bidId, jobId: job.id, providerOrgId: orgId, amountMinor: input.amountMinor, currency: job.currency, revision }, orgId);
    await recordAudit(c, { action: 'bids.place', entityType: 'bid', entityId: bidId, tenantId: orgId, data: { jobId: job.id, amountMinor: String(input.amountMinor), currency: job.currency, etaDays: input.etaDays, revision, attachments } });
    const name = await providerName(tx, orgId);
    await notify(tx, [job.customerId], {
      kind: 'bid.placed',
      title: `New bid on "${job.title}"`,
      body: `${name} bid ${mailMoney(input.amountMinor, job.currency)}, ready in ${input.etaDays} day${input.etaDays === 1 ? '' : 's'}.`,
      href: customerJobHref(job.id),
      businessKey: `bid:${bidId}:placed:${revision}`,
    });
    return { bidId, revision };
  };
  try {
    return ctx.tx ? await ctx.tx.transaction((sp) => run(sp as never)) : await db().transaction((tx) => run(tx));
  } catch (err) {
    // The job lock serialises placements; the unique index is the net should anything bypass it.
    if (pgErrorInfo(err).constraint === 'bids_one_per_provider') throw alreadyBid();
    throw err;
  }
}
