/**
 * Reads for the compliance screens and routes. Every read is scoped: the subject's own people see
 * their documents, compliance reviewers see the queue and every provider; a document id outside
 * that scope is NOT_FOUND.
 */
import { and, asc, desc, eq, inArray, isNotNull, or, sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Executor } from '@/db/client';
import { complianceDocuments, organisations, servicemen, storedFiles } from '@/db/schema';
import { authorize } from '@/lib/core/auth/permissions';
import { exec, type Ctx } from '@/lib/core/context';
import { notFound } from '@/lib/core/errors';
import { readStoredFile } from '@/lib/storage';
import { loadSubject, maySee, ownServicemen, providerAdminOrgs, subjectOfRow, type Subject } from './internal';
import type { SubjectKind } from './schemas';
import { docTypeLabels, localDate, personStatus, REQUIRED_PROVIDER_DOCS, REQUIRED_RENTER_DOCS, REQUIRED_SERVICEMAN_DOCS, sellerStatus, type DocType, type DocTypeStatus, type SellerStatus } from './status';

export interface DocumentItem {
  id: string;
  docType: DocType;
  label: string;
  documentNumber: string;
  issuedOn: string;
  expiresOn: string;
  status: 'submitted' | 'approved' | 'rejected' | 'expired';
  rejectionReason: string | null;
  submittedAt: string;
  reviewedAt: string | null;
  fileName: string;
  fileUrl: string;
}

const docSelect = {
  id: complianceDocuments.id,
  docType: complianceDocuments.docType,
  documentNumber: complianceDocuments.documentNumber,
  issuedOn: complianceDocuments.issuedOn,
  expiresOn: complianceDocuments.expiresOn,
  status: complianceDocuments.status,
  rejectionReason: complianceDocuments.rejectionReason,
  createdAt: complianceDocuments.createdAt,
  reviewedAt: complianceDocuments.reviewedAt,
  fileName: storedFiles.originalName,
  providerOrgId: complianceDocuments.providerOrgId,
  servicemanId: complianceDocuments.servicemanId,
  userId: complianceDocuments.userId,
};
const baseQuery = (ex: Executor) => ex.select(docSelect).from(complianceDocuments).innerJoin(storedFiles, eq(storedFiles.id, complianceDocuments.fileId));
type DocSelectRow = Awaited<ReturnType<typeof baseQuery>>[number];

const toItem = (r: DocSelectRow): DocumentItem => ({
  id: r.id,
  docType: r.docType,
  label: docTypeLabels[r.docType],
  documentNumber: r.documentNumber,
  issuedOn: r.issuedOn,
  expiresOn: r.expiresOn,
  status: r.status,
  rejectionReason: r.rejectionReason,
  submittedAt: r.createdAt.toISOString(),
  reviewedAt: r.reviewedAt ? r.reviewedAt.toISOString() : null,
  fileName: r.fileName ?? 'document',
  fileUrl: `/api/v1/compliance/documents/${r.id}/file`,
});

async function documentsWhere(ctx: Ctx, where: SQL | undefined, limit = 100): Promise<DocumentItem[]> {
  if (!where) return [];
  const rows = await baseQuery(exec(ctx))
    .where(where)
    .orderBy(desc(complianceDocuments.createdAt), desc(complianceDocuments.id))
    .limit(limit);
  return rows.map(toItem);
}

export interface SubjectView {
  subject: { kind: SubjectKind; id: string; name: string };
  required: DocType[];
  states: DocTypeStatus[];
  score: number;
  history: DocumentItem[];
  /** The subject's local date (documents are valid through their expiry date there). */
  today: string;
}

async function personView(ctx: Ctx, kind: 'serviceman' | 'renter', id: string, name: string): Promise<SubjectView> {
  const st = await personStatus(exec(ctx), kind === 'serviceman' ? { servicemanId: id } : { userId: id }, ctx.now);
  const col = kind === 'serviceman' ? complianceDocuments.servicemanId : complianceDocuments.userId;
  const subject = await loadSubject(exec(ctx), kind, id);
  return {
    today: localDate(ctx.now, subject.timeZone),
    subject: { kind, id, name },
    required: [...(kind === 'serviceman' ? REQUIRED_SERVICEMAN_DOCS : REQUIRED_RENTER_DOCS)],
    states: st.documents,
    score: st.score,
    history: await documentsWhere(ctx, eq(col, id)),
  };
}

export interface ProviderComplianceView {
  business: (SubjectView & { seller: SellerStatus }) | null;
  crew: SubjectView[];
  /** The signed-in serviceman's own record(s), when they are crew rather than admin. */
  self: SubjectView[];
}

/**
 * /provider/compliance: for a provider admin, the business's seller status and documents plus each
 * crew member's; for a serviceman, their own identity / DBS documents.
 */
export async function providerComplianceView(ctx: Ctx): Promise<ProviderComplianceView> {
  authorize(ctx.actor, 'compliance.submit');
  const ex = exec(ctx);
  const orgId = providerAdminOrgs(ctx.actor)[0] ?? null;
  let business: ProviderComplianceView['business'] = null;
  const crew: SubjectView[] = [];
  if (orgId) {
    const subject = await loadSubject(ex, 'provider', orgId);
    const seller = await sellerStatus(ex, orgId, ctx.now);
    business = {
      today: localDate(ctx.now, subject.timeZone),
      subject: { kind: 'provider', id: orgId, name: subject.name },
      required: [...REQUIRED_PROVIDER_DOCS],
      states: seller.documents,
      score: seller.score,
      seller,
      history: await documentsWhere(ctx, eq(complianceDocuments.providerOrgId, orgId)),
    };
    const people = await ex
      .select({ id: servicemen.id, name: servicemen.displayName })
      .from(servicemen)
      .where(and(eq(servicemen.providerOrgId, orgId), inArray(servicemen.status, ['active', 'invited'])))
      .orderBy(asc(servicemen.displayName));
    for (const p of people) crew.push(await personView(ctx, 'serviceman', p.id, p.name));
  }
  const self: SubjectView[] = [];
  for (const s of await ownServicemen(ex, ctx.actor)) {
    if (orgId && s.providerOrgId === orgId) continue; // already listed under the crew
    self.push(await personView(ctx, 'serviceman', s.id, s.displayName));
  }
  return { business, crew, self };
}

/** /account/documents: the signed-in customer's renter documents. */
export async function renterDocumentsView(ctx: Ctx): Promise<SubjectView> {
  authorize(ctx.actor, 'compliance.submit');
  if (ctx.actor.kind !== 'user') throw notFound('Your documents');
  return personView(ctx, 'renter', ctx.actor.userId, ctx.actor.name);
}

/** Whether the signed-in person holds valid renter identity + insurance (insurance-required items). */
export async function renterCleared(ctx: Ctx, userId: string): Promise<boolean> {
  return (await personStatus(exec(ctx), { userId }, ctx.now)).complete;
}

/** The seller status of the actor's own business (GET /api/v1/compliance/status). */
export async function ownSellerStatus(ctx: Ctx): Promise<SellerStatus & { orgId: string }> {
  authorize(ctx.actor, 'compliance.submit');
  const orgId = providerAdminOrgs(ctx.actor)[0];
  if (!orgId) throw notFound('Your business');
  return { orgId, ...(await sellerStatus(exec(ctx), orgId, ctx.now)) };
}

/** Every document the actor may manage as its subject's own people (the API's GET). */
export async function listOwnDocuments(ctx: Ctx, subject?: SubjectKind): Promise<Array<DocumentItem & { subjectKind: SubjectKind; subjectId: string }>> {
  authorize(ctx.actor, 'compliance.submit');
  if (ctx.actor.kind !== 'user') return [];
  const ex = exec(ctx);
  const orgs = providerAdminOrgs(ctx.actor);
  const own = (await ownServicemen(ex, ctx.actor)).map((s) => s.id);
  const crew = orgs.length ? (await ex.select({ id: servicemen.id }).from(servicemen).where(inArray(servicemen.providerOrgId, orgs))).map((r) => r.id) : [];
  const smIds = [...new Set([...own, ...crew])];
  const conds: SQL[] = [];
  if ((!subject || subject === 'provider') && orgs.length) conds.push(inArray(complianceDocuments.providerOrgId, orgs));
  if ((!subject || subject === 'serviceman') && smIds.length) conds.push(inArray(complianceDocuments.servicemanId, smIds));
  if (!subject || subject === 'renter') conds.push(eq(complianceDocuments.userId, ctx.actor.userId));
  const rows = await baseQuery(ex)
    .where(or(...conds))
    .orderBy(desc(complianceDocuments.createdAt), desc(complianceDocuments.id))
    .limit(200);
  return rows.map((r) => {
    const s = subjectOfRow(r);
    return { ...toItem(r), subjectKind: s.kind, subjectId: s.id };
  });
}

export interface QueueItem extends DocumentItem {
  subject: { kind: SubjectKind; id: string; name: string; businessName: string | null };
  subjectStatus: { status: 'approved' | 'pending_documents' | 'suspended' | 'complete'; score: number };
  lastDecisions: Array<{ id: string; docType: DocType; label: string; status: string; reviewedAt: string | null; rejectionReason: string | null }>;
}

/** The operations queue: submitted documents, oldest first, with the subject's context. */
export async function reviewQueue(ctx: Ctx, opts: { limit?: number } = {}): Promise<QueueItem[]> {
  authorize(ctx.actor, 'compliance.review');
  const ex = exec(ctx);
  const rows = await baseQuery(ex)
    .where(eq(complianceDocuments.status, 'submitted'))
    .orderBy(asc(complianceDocuments.createdAt), asc(complianceDocuments.id))
    .limit(opts.limit ?? 100);
  const out: QueueItem[] = [];
  const subjects = new Map<string, { s: Subject; status: QueueItem['subjectStatus']; business: string | null; last: QueueItem['lastDecisions'] }>();
  for (const r of rows) {
    const ref = subjectOfRow(r);
    const key = `${ref.kind}:${ref.id}`;
    let ctxRow = subjects.get(key);
    if (!ctxRow) {
      const s = await loadSubject(ex, ref.kind, ref.id);
      let status: QueueItem['subjectStatus'];
      if (ref.kind === 'provider') {
        const st = await sellerStatus(ex, ref.id, ctx.now);
        status = { status: st.status, score: st.score };
      } else {
        const st = await personStatus(ex, ref.kind === 'serviceman' ? { servicemanId: ref.id } : { userId: ref.id }, ctx.now);
        status = { status: st.complete ? 'complete' : 'pending_documents', score: st.score };
      }
      const [biz] = s.orgId && ref.kind !== 'provider' ? await ex.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, s.orgId)) : [];
      const col = ref.kind === 'provider' ? complianceDocuments.providerOrgId : ref.kind === 'serviceman' ? complianceDocuments.servicemanId : complianceDocuments.userId;
      const last = await ex
        .select({ id: complianceDocuments.id, docType: complianceDocuments.docType, status: complianceDocuments.status, reviewedAt: complianceDocuments.reviewedAt, rejectionReason: complianceDocuments.rejectionReason })
        .from(complianceDocuments)
        .where(and(eq(col, ref.id), isNotNull(complianceDocuments.reviewedAt)))
        .orderBy(desc(complianceDocuments.reviewedAt))
        .limit(3);
      ctxRow = {
        s,
        status,
        business: biz?.name ?? (ref.kind === 'provider' ? s.name : null),
        last: last.map((l) => ({ ...l, label: docTypeLabels[l.docType], reviewedAt: l.reviewedAt ? l.reviewedAt.toISOString() : null })),
      };
      subjects.set(key, ctxRow);
    }
    out.push({ ...toItem(r), subject: { kind: ref.kind, id: ref.id, name: ctxRow.s.name, businessName: ctxRow.business }, subjectStatus: ctxRow.status, lastDecisions: ctxRow.last });
  }
  return out;
}

export interface ProviderRow {
  orgId: string;
  name: string;
  slug: string;
  status: 'approved' | 'pending_documents' | 'suspended';
  score: number;
  suspended: boolean;
  suspensionReason: string | null;
  suspendedAt: string | null;
  underReview: number;
  /** The earliest expiry among the valid required documents (when the seller would next lapse). */
  nextExpiresOn: string | null;
}

/**
 * Every provider business with its derived seller status (the same rule as insuredSellerSql and
 * sellerStatus, in one query for the list), for the operations "Providers" tab.
 */
export async function providersOverview(ctx: Ctx, opts: { q?: string; status?: ProviderRow['status'] } = {}): Promise<ProviderRow[]> {
  authorize(ctx.actor, 'compliance.review');
  const now = ctx.now.toISOString();
  const required = sql.raw(`array[${REQUIRED_PROVIDER_DOCS.map((t) => `'${t}'`).join(',')}]::compliance_doc_type[]`);
  const q = opts.q?.trim();
  const rows = rowsOf<{ id: string; name: string; slug: string; suspended: boolean | null; suspension_reason: string | null; suspended_at: Date | string | null; valid: number | string; under_review: number | string; next_expires_on: string | null }>(
    await exec(ctx).execute(sql`
      select o.id, o.name, o.slug, pc.suspended, pc.suspension_reason, pc.suspended_at,
        (select count(distinct d.doc_type) from compliance_documents d
          where d.provider_org_id = o.id and d.status = 'approved' and d.doc_type = any(${required})
            and d.issued_on <= (${now}::timestamptz at time zone o.time_zone)::date
            and d.expires_on >= (${now}::timestamptz at time zone o.time_zone)::date) as valid,
        (select min(d.expires_on)::text from compliance_documents d
          where d.provider_org_id = o.id and d.status = 'approved' and d.doc_type = any(${required})
            and d.issued_on <= (${now}::timestamptz at time zone o.time_zone)::date
            and d.expires_on >= (${now}::timestamptz at time zone o.time_zone)::date) as next_expires_on,
        (select count(*) from compliance_documents d where d.provider_org_id = o.id and d.status = 'submitted') as under_review
      from organisations o left join provider_compliance pc on pc.org_id = o.id
      where o.kind = 'provider' ${q ? sql`and o.name ilike ${`%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`}` : sql``}
      order by pc.suspended desc nulls last, o.name
      limit 500`),
  );
  const out = rows.map((r): ProviderRow => {
    const valid = Number(r.valid);
    const suspended = r.suspended === true;
    return {
      orgId: r.id,
      name: r.name,
      slug: r.slug,
      status: suspended ? 'suspended' : valid === REQUIRED_PROVIDER_DOCS.length ? 'approved' : 'pending_documents',
      score: Math.floor((valid * 100) / REQUIRED_PROVIDER_DOCS.length),
      suspended,
      suspensionReason: suspended ? r.suspension_reason : null,
      suspendedAt: suspended && r.suspended_at ? new Date(r.suspended_at).toISOString() : null,
      underReview: Number(r.under_review),
      nextExpiresOn: r.next_expires_on,
    };
  });
  return opts.status ? out.filter((r) => r.status === opts.status) : out;
}

/** The file of a document, for its subject's own people and compliance reviewers only. */
export async function documentFile(ctx: Ctx, documentId: string) {
  const ex = exec(ctx);
  const [d] = await ex
    .select({ fileId: complianceDocuments.fileId, providerOrgId: complianceDocuments.providerOrgId, servicemanId: complianceDocuments.servicemanId, userId: complianceDocuments.userId })
    .from(complianceDocuments)
    .where(eq(complianceDocuments.id, documentId));
  if (!d || !(await maySee(ex, ctx.actor, d))) throw notFound('That document');
  return readStoredFile(ex, d.fileId);
}
