import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq, like, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db, rowsOf } from '@/db/client';
import { auditLog, complianceDocuments, notifications, organisations, servicemen, users } from '@/db/schema';
import type { Ctx } from '@/lib/core/context';
import { AppError } from '@/lib/core/errors';
import { newId } from '@/lib/core/ids';
import { localDiskStore, setFileStore } from '@/lib/storage';
import { ctxFor, expectAppError, makeOrg, makeUser } from '@/test/factories';
import { approveDocument } from './approve-document';
import { runComplianceDaily, systemCtx, warningThreshold } from './daily';
import { documentFile, listOwnDocuments, providersOverview, reviewQueue } from './queries';
import { reinstateProvider } from './reinstate-provider';
import { rejectDocument } from './reject-document';
import { insuredSellerSql, personStatus, sellerStatus, type DocType } from './status';
import { submitDocument } from './submit-document';
import { suspendProvider } from './suspend-provider';
import { lapseDocument } from './lapse-document';

const DAY = 86_400_000;
const t0 = new Date('2026-03-02T12:00:00Z');
const at = (days: number, base = t0) => new Date(base.getTime() + days * DAY);
const ymd = (d: Date) => d.toISOString().slice(0, 10);
// Real bytes: uploads are checked by content, not by name.
const PDF = new Uint8Array(Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n'));
const PNG = Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64'));

let platformId: string;
let ops1: string;
let ops2: string;

beforeAll(async () => {
  setFileStore(localDiskStore(mkdtempSync(join(tmpdir(), 'compliance-'))));
  platformId = (await makeOrg('platform')).id;
  ops1 = (await makeUser(['operations'], { orgs: { platform: platformId } })).id;
  ops2 = (await makeUser(['operations'], { orgs: { platform: platformId } })).id;
});

async function provider(timeZone = 'Europe/London') {
  const org = await makeOrg('provider');
  await db().update(organisations).set({ timeZone }).where(eq(organisations.id, org.id));
  const admin = (await makeUser(['provider_admin'], { orgs: { provider: org.id } })).id;
  return { orgId: org.id, admin };
}

const docInput = (docType: DocType, issued: Date, expires: Date, extra: Record<string, unknown> = {}) => ({
  subject: 'provider',
  docType,
  documentNumber: `POL-${docType}`,
  issuedOn: ymd(issued),
  expiresOn: ymd(expires),
  file: { bytes: PDF, name: 'certificate.pdf' },
  ...extra,
});

/** Submit (as the provider admin) and approve (as operations) one document. */
async function approved(p: { orgId: string; admin: string }, docType: DocType, now: Date, issued: Date, expires: Date) {
  const { documentId } = await submitDocument(await ctxFor(p.admin, now), docInput(docType, issued, expires));
  await approveDocument(await ctxFor(ops1, now), { documentId });
  return documentId;
}

async function approveAll(p: { orgId: string; admin: string }, now: Date, validDays = 365) {
  const ids: string[] = [];
  for (const t of ['insurance_certificate', 'public_liability', 'identity'] as const) ids.push(await approved(p, t, now, at(-30, now), at(validDays, now)));
  return ids;
}

const sqlInsured = async (orgId: string, now: Date) => rowsOf<{ ok: boolean }>(await db().execute(sql`select ${insuredSellerSql(sql`${orgId}::uuid`, now)} as ok`))[0]!.ok;

/** Both derivations, which must agree. */
async function both(orgId: string, now: Date) {
  const s = await sellerStatus(db(), orgId, now);
  const insured = await sqlInsured(orgId, now);
  expect(insured).toBe(s.status === 'approved');
  return s;
}

describe('insured-seller derivation (sellerStatus and insuredSellerSql agree)', () => {
  it('missing documents → pending_documents with a progress score', async () => {
    const p = await provider();
    let s = await both(p.orgId, t0);
    expect(s).toMatchObject({ status: 'pending_documents', score: 0 });
    expect(s.documents.map((d) => d.state)).toEqual(['missing', 'missing', 'missing']);
    await approved(p, 'insurance_certificate', t0, at(-10), at(300));
    await approved(p, 'identity', t0, at(-10), at(300));
    s = await both(p.orgId, t0);
    expect(s).toMatchObject({ status: 'pending_documents', score: 66 });
    expect(s.documents.find((d) => d.docType === 'public_liability')!.state).toBe('missing');
    await approved(p, 'public_liability', t0, at(-10), at(300));
    s = await both(p.orgId, t0);
    expect(s).toMatchObject({ status: 'approved', score: 100 });
    expect(s.verifiedAt?.toISOString()).toBe(t0.toISOString());
  });

  it('rejected → pending_documents with the reason; under review is its own state', async () => {
    const p = await provider();
    await approved(p, 'insurance_certificate', t0, at(-10), at(300));
    await approved(p, 'identity', t0, at(-10), at(300));
    const { documentId } = await submitDocument(await ctxFor(p.admin, t0), docInput('public_liability', at(-10), at(300)));
    let s = await both(p.orgId, t0);
    expect(s.documents.find((d) => d.docType === 'public_liability')).toMatchObject({ state: 'under_review', pendingDocumentId: documentId });
    await rejectDocument(await ctxFor(ops1, t0), { documentId, reason: 'The policy holder name does not match.' });
    s = await both(p.orgId, t0);
    expect(s.status).toBe('pending_documents');
    expect(s.documents.find((d) => d.docType === 'public_liability')).toMatchObject({ state: 'rejected', rejectionReason: 'The policy holder name does not match.' });
  });

  it('expired → pending_documents; a renewal under review keeps the seller approved, then takes over', async () => {
    const p = await provider();
    const ids = await approveAll(p, t0, 20);
    // A renewal of the insurance arrives 10 days before expiry and waits for review.
    const renewal = await submitDocument(await ctxFor(p.admin, at(10)), docInput('insurance_certificate', at(20), at(400)));
    let s = await both(p.orgId, at(10));
    expect(s.status).toBe('approved');
    expect(s.documents[0]).toMatchObject({ state: 'valid', validDocumentId: ids[0], pendingDocumentId: renewal.documentId });
    await approveDocument(await ctxFor(ops1, at(12)), { documentId: renewal.documentId });
    // Day 21: the old certificate has lapsed, the renewal (issued day 20) is valid; the others lapsed.
    s = await both(p.orgId, at(21));
    expect(s.status).toBe('pending_documents');
    expect(s.documents.map((d) => d.state)).toEqual(['valid', 'expired', 'expired']);
    expect(s.documents[0]!.validDocumentId).toBe(renewal.documentId);
    expect(s.score).toBe(33);
  });

  it('suspended wins over documents and is sticky until reinstated', async () => {
    const p = await provider();
    await approveAll(p, t0);
    expect((await both(p.orgId, t0)).status).toBe('approved');
    await suspendProvider(await ctxFor(ops1, t0), { orgId: p.orgId, reason: 'Customer complaints under investigation' });
    let s = await both(p.orgId, at(1));
    expect(s.status).toBe('suspended');
    expect(s.suspension?.reason).toBe('Customer complaints under investigation');
    // New documents do not lift it.
    await approved(p, 'insurance_certificate', at(2), at(-1, at(2)), at(500));
    expect((await both(p.orgId, at(2))).status).toBe('suspended');
    await expectAppError(suspendProvider(await ctxFor(ops2, at(2)), { orgId: p.orgId, reason: 'Second suspension attempt' }), 'CONFLICT');
    await reinstateProvider(await ctxFor(ops1, at(3)), { orgId: p.orgId, note: 'Investigation closed, no fault found' });
    s = await both(p.orgId, at(3));
    expect(s.status).toBe('approved');
    expect(s.suspension).toBeNull();
    await expectAppError(reinstateProvider(await ctxFor(ops1, at(3)), { orgId: p.orgId, note: 'Reinstating twice' }), 'CONFLICT');
    const overview = await providersOverview(await ctxFor(ops1, at(3)), { q: (await db().select({ n: organisations.name }).from(organisations).where(eq(organisations.id, p.orgId)))[0]!.n });
    expect(overview).toEqual([expect.objectContaining({ orgId: p.orgId, status: 'approved', score: 100, suspended: false })]);
    const audit = await db().select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, p.orgId));
    expect(audit.map((a) => a.action).sort()).toEqual(['compliance.reinstate', 'compliance.suspend']);
    const told = await db().select({ kind: notifications.kind }).from(notifications).where(eq(notifications.userId, p.admin));
    expect(told.map((n) => n.kind)).toEqual(expect.arrayContaining(['compliance.suspended', 'compliance.reinstated', 'compliance.approved']));
  });
});

describe('a document that ends early', () => {
  it('operations mark the insurance lapsed: the seller drops at once, a new approved certificate restores it', async () => {
    const p = await provider();
    await approveAll(p, t0);
    expect((await both(p.orgId, t0)).status).toBe('approved');
    await expectAppError(lapseDocument(await ctxFor(p.admin, t0), { orgId: p.orgId, docType: 'insurance_certificate', reason: 'Insurer cancelled the policy' }), 'FORBIDDEN');
    const { documentId } = await lapseDocument(await ctxFor(ops1, t0), { orgId: p.orgId, docType: 'insurance_certificate', reason: 'Insurer cancelled the policy' });
    const s = await both(p.orgId, t0);
    expect(s.status).toBe('pending_documents');
    expect(s.documents.find((d) => d.docType === 'insurance_certificate')?.state).toBe('expired');
    // Nothing valid of that type is left to lapse.
    await expectAppError(lapseDocument(await ctxFor(ops2, t0), { orgId: p.orgId, docType: 'insurance_certificate', reason: 'Insurer cancelled the policy' }), 'CONFLICT');
    const audit = await db().select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, documentId));
    expect(audit.map((a) => a.action)).toContain('compliance.lapse');
    await approved(p, 'insurance_certificate', at(1), at(0), at(400));
    expect((await both(p.orgId, at(1))).status).toBe('approved');
  });
});

describe('the daily job', () => {
  it('expires at the provider-local midnight (New York vs London around midnight UTC)', async () => {
    const ny = await provider('America/New_York');
    const ldn = await provider('Europe/London');
    const issued = new Date('2026-01-01T12:00:00Z');
    const expires = new Date('2026-03-10T12:00:00Z');
    const nyIds = await approveAll(ny, new Date('2026-02-01T12:00:00Z'));
    const ldnIds = await approveAll(ldn, new Date('2026-02-01T12:00:00Z'));
    for (const id of [...nyIds, ...ldnIds]) await db().update(complianceDocuments).set({ issuedOn: ymd(issued), expiresOn: ymd(expires) }).where(eq(complianceDocuments.id, id));

    // 00:30 UTC on 11 March: London's 10 March is over; in New York it is still 19:30 on the 10th.
    const justAfterUtcMidnight = new Date('2026-03-11T00:30:00Z');
    expect((await both(ldn.orgId, justAfterUtcMidnight)).status).toBe('pending_documents');
    expect((await both(ny.orgId, justAfterUtcMidnight)).status).toBe('approved');
    await runComplianceDaily(systemCtx(justAfterUtcMidnight));
    const statusOf = async (ids: string[]) => (await db().select({ s: complianceDocuments.status }).from(complianceDocuments).where(sql`${complianceDocuments.id} in ${ids}`)).map((r) => r.s);
    expect(await statusOf(ldnIds)).toEqual(['expired', 'expired', 'expired']);
    expect(await statusOf(nyIds)).toEqual(['approved', 'approved', 'approved']);
    const [expiredRow] = await db().select().from(complianceDocuments).where(eq(complianceDocuments.id, ldnIds[0]!));
    expect(expiredRow!.expiredAt?.toISOString()).toBe(justAfterUtcMidnight.toISOString());

    // 04:01 UTC = 00:01 in New York — daylight time (UTC−4) began on 8 March, so not 05:00.
    const nyMidnight = new Date('2026-03-11T04:01:00Z');
    expect((await both(ny.orgId, new Date('2026-03-11T03:59:00Z'))).status).toBe('approved');
    expect((await both(ny.orgId, nyMidnight)).status).toBe('pending_documents');
    const r = await runComplianceDaily(systemCtx(nyMidnight));
    expect(r.expired).toBeGreaterThanOrEqual(3);
    expect(await statusOf(nyIds)).toEqual(['expired', 'expired', 'expired']);
    // Rerun: nothing more to do for these documents, no second notice.
    await runComplianceDaily(systemCtx(new Date(nyMidnight.getTime() + 15 * 60_000)));
    const expiredNotices = await db().select().from(notifications).where(and(eq(notifications.userId, ny.admin), eq(notifications.kind, 'compliance.expired')));
    expect(expiredNotices).toHaveLength(3);
    const audits = await db().select().from(auditLog).where(and(eq(auditLog.action, 'compliance.expire'), eq(auditLog.tenantId, ny.orgId)));
    expect(audits).toHaveLength(3);
  });

  it('warns 30, 7 and 1 days ahead, exactly once each, and not when a renewal is approved', async () => {
    const p = await provider();
    const base = new Date('2026-04-01T10:00:00Z');
    const [insurance] = await approveAll(p, base, 60);
    const expiresOn = at(60, base);
    const warnings = async (docId: string) =>
      (await db().select({ key: notifications.businessKey }).from(notifications).where(like(notifications.businessKey, `compliance:${docId}:warn:%`))).map((r) => r.key).sort();
    for (const daysBefore of [31, 30, 30, 29, 8, 7, 7, 6, 2, 1, 1, 0]) {
      // Twice a day on each date, as the 15-minute schedule would.
      await runComplianceDaily(systemCtx(at(-daysBefore, expiresOn)));
      await runComplianceDaily(systemCtx(new Date(at(-daysBefore, expiresOn).getTime() + 3_600_000)));
    }
    expect(await warnings(insurance!)).toEqual([`compliance:${insurance}:warn:1`, `compliance:${insurance}:warn:30`, `compliance:${insurance}:warn:7`]);
    const notices = await db().select().from(notifications).where(and(eq(notifications.userId, p.admin), like(notifications.businessKey, `compliance:${insurance}:warn:%`)));
    expect(notices).toHaveLength(3);

    // A second provider renews its insurance early: no warnings for the old certificate.
    const q = await provider();
    const [old] = await approveAll(q, base, 60);
    await approved(q, 'insurance_certificate', at(20, base), at(55, base), at(430, base));
    for (const daysBefore of [30, 7, 1]) await runComplianceDaily(systemCtx(at(-daysBefore, expiresOn)));
    expect(await warnings(old!)).toEqual([]);
  });

  it('a document first seen close to expiry gets only the nearest warning', () => {
    expect([45, 31, 30, 29, 8, 7, 5, 2, 1, 0, -1].map(warningThreshold)).toEqual([null, null, 30, 30, 30, 7, 7, 7, 1, 1, null]);
  });
});

describe('review', () => {
  it('two reviewers at once: exactly one decision, the other gets CONFLICT', async () => {
    const p = await provider();
    const { documentId } = await submitDocument(await ctxFor(p.admin, t0), docInput('identity', at(-100), at(1000)));
    const [a, b] = [await ctxFor(ops1, t0), await ctxFor(ops2, t0)];
    const results = await Promise.allSettled([approveDocument(a, { documentId }), rejectDocument(b, { documentId, reason: 'The photo is unreadable.' })]);
    const ok = results.filter((r) => r.status === 'fulfilled');
    const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(ok).toHaveLength(1);
    expect(failed).toHaveLength(1);
    expect((failed[0]!.reason as AppError).code).toBe('CONFLICT');
    const audits = await db().select().from(auditLog).where(eq(auditLog.entityId, documentId));
    expect(audits.map((x) => x.action).sort()).toEqual(['compliance.submit', ok[0]!.value.status === 'approved' ? 'compliance.approve' : 'compliance.reject'].sort());
    // Deciding again later is a CONFLICT that names the current state.
    const again = await expectAppError(approveDocument(a, { documentId }), 'CONFLICT');
    expect(again.details).toMatchObject({ to: 'approved' });
  });

  it('two uploads of the same type at once: one waits for review, the other is a CONFLICT', async () => {
    const p = await provider();
    const ctx = await ctxFor(p.admin, t0);
    const results = await Promise.allSettled([submitDocument(ctx, docInput('identity', at(-10), at(300))), submitDocument(ctx, docInput('identity', at(-10), at(300)))]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect((failed!.reason as AppError).code).toBe('CONFLICT');
    expect(await db().select().from(complianceDocuments).where(eq(complianceDocuments.providerOrgId, p.orgId))).toHaveLength(1);
  });

  it('the queue lists submitted documents oldest first with the subject’s context', async () => {
    const p = await provider();
    await approved(p, 'identity', t0, at(-100), at(1000));
    const first = await submitDocument(await ctxFor(p.admin, at(1)), docInput('insurance_certificate', at(-5), at(360)));
    const second = await submitDocument(await ctxFor(p.admin, at(2)), docInput('public_liability', at(-5), at(360)));
    const queue = (await reviewQueue(await ctxFor(ops1, at(3)))).filter((q) => q.subject.id === p.orgId);
    expect(queue.map((q) => q.id)).toEqual([first.documentId, second.documentId]);
    expect(queue[0]).toMatchObject({ subject: { kind: 'provider' }, subjectStatus: { status: 'pending_documents', score: 33 }, fileUrl: `/api/v1/compliance/documents/${first.documentId}/file` });
    expect(queue[0]!.lastDecisions[0]).toMatchObject({ docType: 'identity', status: 'approved' });
    // The reviewer may open the file.
    expect((await documentFile(await ctxFor(ops1, at(3)), first.documentId)).contentType).toBe('application/pdf');
  });
});

describe('scope and permissions', () => {
  it('a foreign provider, crew member or document is NOT_FOUND; customers cannot review', async () => {
    const mine = await provider();
    const other = await provider();
    const smId = newId();
    await db().insert(servicemen).values({ id: smId, providerOrgId: other.orgId, displayName: 'Other crew' });
    const mineCtx = await ctxFor(mine.admin, t0);
    await expectAppError(submitDocument(mineCtx, docInput('identity', at(-10), at(300), { subject: 'serviceman', servicemanId: smId })), 'NOT_FOUND');
    await expectAppError(submitDocument(mineCtx, docInput('identity', at(-10), at(300), { orgId: other.orgId })), 'NOT_FOUND');
    const { documentId } = await submitDocument(await ctxFor(other.admin, t0), docInput('identity', at(-10), at(300)));
    await expectAppError(documentFile(mineCtx, documentId), 'NOT_FOUND');
    expect((await listOwnDocuments(mineCtx)).map((d) => d.id)).not.toContain(documentId);
    const customer = (await makeUser(['customer'])).id;
    await expectAppError(approveDocument(await ctxFor(customer, t0), { documentId }), 'FORBIDDEN');
    await expectAppError(rejectDocument(await ctxFor(mine.admin, t0), { documentId, reason: 'Not allowed to do this' }), 'FORBIDDEN');
    await expectAppError(suspendProvider(await ctxFor(customer, t0), { orgId: other.orgId, reason: 'Not allowed to do this' }), 'FORBIDDEN');
    await expectAppError(reviewQueue(await ctxFor(mine.admin, t0)), 'FORBIDDEN');
    await expectAppError(documentFile(await ctxFor(customer, t0), documentId), 'NOT_FOUND');
  });

  it('a serviceman submits their own identity / DBS; their admin may too; renters submit for themselves', async () => {
    const p = await provider();
    const sm = await makeUser(['serviceman'], { orgs: { provider: p.orgId } });
    const smId = newId();
    await db().insert(servicemen).values({ id: smId, providerOrgId: p.orgId, userId: sm.id, displayName: 'Sam' });
    const smCtx = await ctxFor(sm.id, t0);
    const own = await submitDocument(smCtx, docInput('dbs_check', at(-10), at(300), { subject: 'serviceman', servicemanId: smId }));
    await expectAppError(submitDocument(smCtx, docInput('identity', at(-10), at(300))), 'NOT_FOUND'); // not the business's admin
    const v = await expectAppError(submitDocument(smCtx, docInput('insurance_certificate', at(-10), at(300), { subject: 'serviceman', servicemanId: smId })), 'VALIDATION');
    expect(v.details.fieldErrors?.docType).toBeDefined();
    const byAdmin = await submitDocument(await ctxFor(p.admin, t0), docInput('identity', at(-10), at(300), { subject: 'serviceman', servicemanId: smId }));
    await approveDocument(await ctxFor(ops1, t0), { documentId: own.documentId });
    await approveDocument(await ctxFor(ops1, t0), { documentId: byAdmin.documentId });
    expect((await personStatus(db(), { servicemanId: smId }, t0)).complete).toBe(true);
    expect((await documentFile(smCtx, own.documentId)).contentType).toBe('application/pdf');
    // Both the serviceman and the admin hear about the decision.
    const told = await db().select({ userId: notifications.userId }).from(notifications).where(eq(notifications.businessKey, `compliance:${own.documentId}:approved`));
    expect(told.map((t) => t.userId).sort()).toEqual([sm.id, p.admin].sort());

    const renter = (await makeUser(['customer'])).id;
    const rCtx = await ctxFor(renter, t0);
    for (const t of ['identity', 'insurance_certificate'] as const) {
      const d = await submitDocument(rCtx, { ...docInput(t, at(-10), at(300)), subject: 'renter', file: { bytes: PNG, name: 'photo.png' } });
      await approveDocument(await ctxFor(ops1, t0), { documentId: d.documentId });
    }
    expect((await personStatus(db(), { userId: renter }, t0)).complete).toBe(true);
    await expectAppError(submitDocument(rCtx, { ...docInput('dbs_check', at(-10), at(300)), subject: 'renter' }), 'VALIDATION');
  });
});

describe('upload checks', () => {
  const fieldErrorsOf = async (p: Promise<unknown>) => (await expectAppError(p, 'VALIDATION')).details.fieldErrors ?? {};

  it('refuses an SVG, a text file named .pdf and oversize files, naming the field', async () => {
    const p = await provider();
    const ctx: Ctx = await ctxFor(p.admin, t0);
    const svg = new Uint8Array(Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'));
    expect((await fieldErrorsOf(submitDocument(ctx, docInput('identity', at(-10), at(300), { file: { bytes: svg, name: 'id.svg' } })))).file?.[0]).toMatch(/must be a PDF or a JPEG/);
    const text = new Uint8Array(Buffer.from('just some text pretending to be a certificate'));
    expect((await fieldErrorsOf(submitDocument(ctx, docInput('identity', at(-10), at(300), { file: { bytes: text, name: 'id.pdf' } })))).file?.[0]).toMatch(/not a recognised type/);
    const bigPdf = new Uint8Array(21 * 1024 * 1024);
    bigPdf.set(PDF);
    expect((await fieldErrorsOf(submitDocument(ctx, docInput('identity', at(-10), at(300), { file: { bytes: bigPdf, name: 'big.pdf' } })))).file?.[0]).toMatch(/at most 20 MB/);
    const bigPng = new Uint8Array(11 * 1024 * 1024);
    bigPng.set(PNG);
    expect((await fieldErrorsOf(submitDocument(ctx, docInput('identity', at(-10), at(300), { file: { bytes: bigPng, name: 'big.png' } })))).file?.[0]).toMatch(/at most 10 MB/);
    expect((await fieldErrorsOf(submitDocument(ctx, docInput('identity', at(-10), at(300), { file: undefined })))).file).toBeDefined();
    // Nothing was stored.
    expect(await db().select().from(complianceDocuments).where(eq(complianceDocuments.providerOrgId, p.orgId))).toHaveLength(0);
  });

  it('checks dates against the subject’s local date and allows one waiting submission per type', async () => {
    const p = await provider();
    const ctx = await ctxFor(p.admin, t0);
    expect((await fieldErrorsOf(submitDocument(ctx, docInput('identity', at(-10), at(-20))))).expiresOn?.[0]).toMatch(/after the issue date/);
    expect((await fieldErrorsOf(submitDocument(ctx, docInput('identity', at(-300), at(-1))))).expiresOn?.[0]).toMatch(/already passed/);
    expect((await fieldErrorsOf(submitDocument(ctx, { ...docInput('identity', at(-10), at(30)), issuedOn: '2026-02-30' }))).issuedOn).toBeDefined();
    // Expiring today is still allowed (valid through the day).
    const today = await submitDocument(ctx, docInput('identity', at(-300), t0));
    await expectAppError(submitDocument(ctx, docInput('identity', at(-10), at(300))), 'CONFLICT');
    const [row] = await db().select().from(complianceDocuments).where(eq(complianceDocuments.id, today.documentId));
    expect(row).toMatchObject({ status: 'submitted', documentNumber: 'POL-identity', submittedBy: p.admin });
    const [u] = await db().select({ email: users.email }).from(users).where(eq(users.id, p.admin));
    expect(u).toBeDefined();
  });
});
