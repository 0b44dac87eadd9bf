/**
 * Insured-seller status (DOMAIN.md "Compliance and marketplace"), derived — never stored — from the
 * latest APPROVED document per required type that is still in date at the subject's local date.
 * A document is valid through its expiry date (it lapses at the local midnight that ends that day,
 * which is when the daily job marks it expired). A renewal under review never demotes a seller
 * whose current approved document is still valid. A suspension by operations is sticky: it wins
 * over any documents until it is lifted explicitly.
 *
 * The same rule exists twice on purpose, in one place: `insuredSellerSql` for feeds (listings of a
 * lapsed seller disappear at query time, without editing them) and `sellerStatus` for the screens,
 * which also explain each document's state. A test checks they agree.
 */
import { sql, type SQL, type AnyColumn } from 'drizzle-orm';
import { rowsOf, type Executor } from '@/db/client';

export type DocType = 'insurance_certificate' | 'public_liability' | 'identity' | 'dbs_check';

export const REQUIRED_PROVIDER_DOCS: readonly DocType[] = ['insurance_certificate', 'public_liability', 'identity'];
export const REQUIRED_SERVICEMAN_DOCS: readonly DocType[] = ['identity', 'dbs_check'];
/** A renter of an insurance-required item. */
export const REQUIRED_RENTER_DOCS: readonly DocType[] = ['identity', 'insurance_certificate'];

export const docTypeLabels: Record<DocType, string> = {
  insurance_certificate: 'Insurance certificate',
  public_liability: 'Public liability insurance',
  identity: 'Proof of identity',
  dbs_check: 'DBS check',
};

const sqlTypes = (types: readonly DocType[]) => sql.raw(`array[${types.map((t) => `'${t}'`).join(',')}]::compliance_doc_type[]`);

/**
 * SQL boolean: the provider organisation in `orgId` is an approved, in-date, unsuspended seller
 * at `now` (its local date in organisations.time_zone).
 */
export function insuredSellerSql(orgId: SQL | AnyColumn, now: Date): SQL {
  return sql`(
    not exists (select 1 from provider_compliance pc where pc.org_id = ${orgId} and pc.suspended)
    and (
      select count(distinct d.doc_type) from compliance_documents d
      join organisations o on o.id = d.provider_org_id
      where d.provider_org_id = ${orgId} and d.status = 'approved'
        and d.doc_type = any(${sqlTypes(REQUIRED_PROVIDER_DOCS)})
        and d.issued_on <= (${now.toISOString()}::timestamptz at time zone o.time_zone)::date
        and d.expires_on >= (${now.toISOString()}::timestamptz at time zone o.time_zone)::date
    ) = ${REQUIRED_PROVIDER_DOCS.length}
  )`;
}

export type DocState = 'valid' | 'missing' | 'under_review' | 'rejected' | 'expired';

export interface DocTypeStatus {
  docType: DocType;
  label: string;
  state: DocState;
  /** The valid document, when there is one. */
  validDocumentId: string | null;
  expiresOn: string | null;
  verifiedAt: Date | null;
  /** A newer submission waiting for review (a renewal), if any. */
  pendingDocumentId: string | null;
  rejectionReason: string | null;
}

export interface SellerStatus {
  status: 'approved' | 'pending_documents' | 'suspended';
  /** valid approved documents / required × 100, rounded down. */
  score: number;
  documents: DocTypeStatus[];
  suspension: { reason: string; since: Date } | null;
  /** When the badge's facts were last verified: the latest review among the valid documents. */
  verifiedAt: Date | null;
}

interface DocRow {
  id: string;
  doc_type: DocType;
  status: 'submitted' | 'approved' | 'rejected' | 'expired';
  issued_on: string;
  expires_on: string;
  reviewed_at: Date | string | null;
  rejection_reason: string | null;
  created_at: Date | string;
  local_today: string;
}

const asDate = (v: Date | string | null) => (v == null ? null : v instanceof Date ? v : new Date(v));
const dateText = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10));

/** Per-type states from a subject's documents (newest first), at its local date `today`. */
export function deriveDocStates(rows: DocRow[], required: readonly DocType[], today: string): DocTypeStatus[] {
  return required.map((docType) => {
    const mine = rows.filter((r) => r.doc_type === docType);
    const valid = mine.find((r) => r.status === 'approved' && dateText(r.issued_on) <= today && dateText(r.expires_on) >= today) ?? null;
    const pending = mine.find((r) => r.status === 'submitted') ?? null;
    const latest = mine[0] ?? null;
    let state: DocState;
    if (valid) state = 'valid';
    else if (pending) state = 'under_review';
    else if (!latest) state = 'missing';
    else if (latest.status === 'rejected') state = 'rejected';
    else state = 'expired';
    return {
      docType,
      label: docTypeLabels[docType],
      state,
      validDocumentId: valid?.id ?? null,
      expiresOn: valid ? dateText(valid.expires_on) : null,
      verifiedAt: valid ? asDate(valid.reviewed_at) : null,
      pendingDocumentId: pending?.id ?? null,
      rejectionReason: !valid && !pending && latest?.status === 'rejected' ? latest.rejection_reason : null,
    };
  });
}

async function docRows(ex: Executor, subject: SQL, tzOf: SQL, now: Date): Promise<DocRow[]> {
  return rowsOf<DocRow>(
    await ex.execute(sql`
      select d.id, d.doc_type, d.status, d.issued_on::text as issued_on, d.expires_on::text as expires_on, d.reviewed_at,
             d.rejection_reason, d.created_at,
             ((${now.toISOString()}::timestamptz at time zone ${tzOf}))::date::text as local_today
      from compliance_documents d where ${subject}
      order by d.created_at desc, d.id desc`),
  );
}

/** Today's date in an IANA zone, as YYYY-MM-DD. */
export function localDate(now: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** The seller status of a provider organisation, with each required document explained. */
export async function sellerStatus(ex: Executor, orgId: string, now: Date): Promise<SellerStatus> {
  const [org] = rowsOf<{ time_zone: string; suspended: boolean | null; suspension_reason: string | null; suspended_at: Date | string | null }>(
    await ex.execute(sql`
      select o.time_zone, pc.suspended, pc.suspension_reason, pc.suspended_at
      from organisations o left join provider_compliance pc on pc.org_id = o.id where o.id = ${orgId}`),
  );
  const tz = org?.time_zone ?? 'Europe/London';
  const rows = await docRows(ex, sql`d.provider_org_id = ${orgId}`, sql`${tz}::text`, now);
  const documents = deriveDocStates(rows, REQUIRED_PROVIDER_DOCS, localDate(now, tz));
  const validCount = documents.filter((d) => d.state === 'valid').length;
  const score = Math.floor((validCount * 100) / REQUIRED_PROVIDER_DOCS.length);
  const suspended = org?.suspended === true;
  const verified = documents.map((d) => d.verifiedAt).filter((d): d is Date => d !== null);
  return {
    status: suspended ? 'suspended' : validCount === REQUIRED_PROVIDER_DOCS.length ? 'approved' : 'pending_documents',
    score,
    documents,
    suspension: suspended ? { reason: org!.suspension_reason ?? '', since: asDate(org!.suspended_at)! } : null,
    verifiedAt: verified.length ? new Date(Math.max(...verified.map((d) => d.getTime()))) : null,
  };
}

/** A serviceman's or a renter's documents against their required set (no suspension applies). */
export async function personStatus(
  ex: Executor,
  subject: { servicemanId: string } | { userId: string },
  now: Date,
  requiredDocs?: readonly DocType[],
): Promise<{ complete: boolean; score: number; documents: DocTypeStatus[] }> {
  // Not a default parameter value: the bundler's parser (SWC) rejects an `in` expression there.
  const required = requiredDocs ?? ('servicemanId' in subject ? REQUIRED_SERVICEMAN_DOCS : REQUIRED_RENTER_DOCS);
  const where = 'servicemanId' in subject ? sql`d.serviceman_id = ${subject.servicemanId}` : sql`d.user_id = ${subject.userId}`;
  const tzRow = rowsOf<{ tz: string }>(
    await ex.execute(
      'servicemanId' in subject
        ? sql`select time_zone as tz from servicemen where id = ${subject.servicemanId}`
        : sql`select time_zone as tz from users where id = ${subject.userId}`,
    ),
  );
  const tz = tzRow[0]?.tz ?? 'Europe/London';
  const rows = await docRows(ex, where, sql`${tz}::text`, now);
  const documents = deriveDocStates(rows, required, localDate(now, tz));
  const validCount = documents.filter((d) => d.state === 'valid').length;
  return { complete: validCount === required.length, score: Math.floor((validCount * 100) / required.length), documents };
}
