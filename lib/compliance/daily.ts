/**
 * The compliance sweep ('compliance.daily', scheduled every 15 minutes so each subject's local
 * midnight is met within a quarter of an hour; every step is idempotent per local date):
 *  (a) approved documents whose expiry date is before the subject's local date become `expired`
 *      (expiredAt = now) and the subject is told;
 *  (b) approved documents expiring within 30, 7 or 1 days warn the subject in-app, exactly once per
 *      threshold (notification business key `compliance:<docId>:warn:<n>`), unless an approved
 *      renewal already covers the time after this one. A document first seen closer to expiry
 *      gets only the nearest threshold (no burst of stale warnings).
 *  (c) listings need nothing: lib/marketplace/visibility.ts hides a lapsed seller at query time.
 * Each document is handled in its own transaction with its row locked, so a rerun or a second
 * worker does nothing twice. Tests drive time through ctx.now.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { db, rowsOf } from '@/db/client';
import { complianceDocuments, notifications } from '@/db/schema';
import { emitEvent } from '@/lib/analytics/events';
import { recordAudit } from '@/lib/audit/record-audit';
import type { Ctx } from '@/lib/core/context';
import { newId } from '@/lib/core/ids';
import { logger } from '@/lib/core/logger';
import { notify } from '@/lib/notifications/notify';
import { subjectHref, subjectOfRow, subjectUserIds, tenantOf, type CTx } from './internal';
import { WARN_DAYS } from './schemas';
import { docTypeLabels, type DocType } from './status';

export interface DailyResult {
  expired: number;
  warned: number;
  failed: number;
}

interface Candidate {
  id: string;
  provider_org_id: string | null;
  serviceman_id: string | null;
  user_id: string | null;
  doc_type: DocType;
  expires_on: string;
  days_left: number;
  subject_name: string;
  subject_org: string | null;
}

/** The threshold a document `daysLeft` from expiry is due for: the nearest one at or above it. */
export function warningThreshold(daysLeft: number): number | null {
  if (daysLeft < 0) return null;
  const hits = WARN_DAYS.filter((n) => daysLeft <= n);
  return hits.length ? Math.min(...hits) : null;
}

export const systemCtx = (now: Date): Ctx => ({ actor: { kind: 'system', job: 'compliance.daily', roles: [] }, requestId: `jobs-${newId()}`, now });

export async function runComplianceDaily(ctx: Ctx = systemCtx(new Date())): Promise<DailyResult> {
  const out: DailyResult = { expired: 0, warned: 0, failed: 0 };
  const now = ctx.now.toISOString();
  // Every approved document with its subject's local date: past expiry, or within the warning window.
  const rows = rowsOf<Candidate>(
    await db().execute(sql`
      select d.id, d.provider_org_id, d.serviceman_id, d.user_id, d.doc_type, d.expires_on::text as expires_on,
             (d.expires_on - (${now}::timestamptz at time zone coalesce(o.time_zone, s.time_zone, u.time_zone, 'Europe/London'))::date) as days_left,
             coalesce(o.name, s.display_name, u.name) as subject_name,
             coalesce(o.id, s.provider_org_id) as subject_org
      from compliance_documents d
      left join organisations o on o.id = d.provider_org_id
      left join servicemen s on s.id = d.serviceman_id
      left join users u on u.id = d.user_id
      where d.status = 'approved'
        and d.expires_on <= (${now}::timestamptz at time zone coalesce(o.time_zone, s.time_zone, u.time_zone, 'Europe/London'))::date + ${Math.max(...WARN_DAYS)}::int
      order by d.expires_on, d.id`),
  );
  for (const r of rows) {
    const daysLeft = Number(r.days_left);
    try {
      const did = await db().transaction((tx) => (daysLeft < 0 ? expireOne({ ...ctx, tx }, r) : warnOne({ ...ctx, tx }, r, daysLeft)));
      if (did === 'expired') out.expired++;
      if (did === 'warned') out.warned++;
    } catch (err) {
      out.failed++;
      logger.error({ err, documentId: r.id }, 'compliance sweep failed for a document');
    }
  }
  return out;
}

async function expireOne(c: CTx, r: Candidate): Promise<'expired' | 'skipped'> {
  const [row] = await c.tx
    .update(complianceDocuments)
    .set({ status: 'expired', expiredAt: c.now, updatedAt: c.now })
    .where(and(eq(complianceDocuments.id, r.id), eq(complianceDocuments.status, 'approved')))
    .returning({ id: complianceDocuments.id });
  if (!row) return 'skipped';
  const subject = subjectOfRow({ providerOrgId: r.provider_org_id, servicemanId: r.serviceman_id, userId: r.user_id });
  const tenant = tenantOf({ orgId: r.subject_org, id: subject.id });
  await recordAudit(c, { action: 'compliance.expire', entityType: 'compliance_document', entityId: r.id, tenantId: tenant, data: { docType: r.doc_type, expiresOn: r.expires_on } });
  await emitEvent(c, 'compliance.document_expired', { documentId: r.id, subjectKind: subject.kind, docType: r.doc_type }, tenant);
  const renewed = await hasRenewal(c, r);
  await notify(c.tx, await subjectUserIds(c.tx, subject, c.now), {
    kind: 'compliance.expired',
    title: `${docTypeLabels[r.doc_type]} expired`,
    body: renewed
      ? `${r.subject_name}: the document that expired on ${r.expires_on} is replaced by your approved renewal.`
      : `${r.subject_name}: it expired on ${r.expires_on}. Upload a current one${subject.kind === 'provider' ? ' — until it is approved your listings are hidden from the marketplace' : ''}.`,
    href: subjectHref(subject.kind),
    businessKey: `compliance:${r.id}:expired`,
  });
  return 'expired';
}

async function warnOne(c: CTx, r: Candidate, daysLeft: number): Promise<'warned' | 'skipped'> {
  const n = warningThreshold(daysLeft);
  if (n === null) return 'skipped';
  const key = `compliance:${r.id}:warn:${n}`;
  // Lock the document so two workers cannot both decide "not sent yet".
  const [locked] = await c.tx.select({ status: complianceDocuments.status }).from(complianceDocuments).where(eq(complianceDocuments.id, r.id)).for('update');
  if (locked?.status !== 'approved') return 'skipped';
  const subject = subjectOfRow({ providerOrgId: r.provider_org_id, servicemanId: r.serviceman_id, userId: r.user_id });
  const recipients = await subjectUserIds(c.tx, subject, c.now);
  if (!recipients.length) return 'skipped';
  const [sent] = await c.tx
    .select({ id: notifications.id })
    .from(notifications)
    .where(and(inArray(notifications.userId, recipients), eq(notifications.businessKey, key)))
    .limit(1);
  if (sent) return 'skipped';
  if (await hasRenewal(c, r)) return 'skipped';
  const when = daysLeft === 0 ? 'today' : daysLeft === 1 ? 'tomorrow' : `in ${daysLeft} days`;
  await notify(c.tx, recipients, {
    kind: 'compliance.expiring',
    title: `${docTypeLabels[r.doc_type]} expires ${when}`,
    body: `${r.subject_name}: valid until ${r.expires_on}. Upload the renewal now so it can be reviewed in time.`,
    href: subjectHref(subject.kind),
    businessKey: key,
  });
  await emitEvent(c, 'compliance.expiry_warned', { documentId: r.id, subjectKind: subject.kind, docType: r.doc_type, daysAhead: n }, tenantOf({ orgId: r.subject_org, id: subject.id }));
  return 'warned';
}

/** An approved document of the same subject and type that runs past this one. */
async function hasRenewal(c: CTx, r: Candidate): Promise<boolean> {
  const subjectCond = r.provider_org_id
    ? sql`provider_org_id = ${r.provider_org_id}`
    : r.serviceman_id
      ? sql`serviceman_id = ${r.serviceman_id}`
      : sql`user_id = ${r.user_id}`;
  const rows = rowsOf<{ ok: boolean }>(
    await c.tx.execute(sql`
      select exists (select 1 from compliance_documents
        where ${subjectCond} and doc_type = ${r.doc_type} and status = 'approved' and id <> ${r.id}
          and expires_on > ${r.expires_on}::date and issued_on <= ${r.expires_on}::date + 1) as ok`),
  );
  return rows[0]?.ok === true;
}
