/**
 * Compliance demo data. Documents are upserted with deterministic ids and dates computed from
 * "today" (the later of the seed instant and the real clock), so a re-run refreshes them and the
 * sellers stay in date whenever the demo is seeded. Their files are real PDFs written through the
 * storage interface. Direct inserts rather than submit + approve: the verbs mint fresh ids, and a
 * re-run must update the same rows (the verbs have their own tests).
 *
 *  - Thames Home Services (provider@) and East End Handyman (provider2@) — and the catalogue
 *    businesses flagged for rentals or sales — hold approved insurance, public liability and
 *    identity valid for 400 days: they may list.
 *  - Wandsworth White Goods: insurance approved but expiring in 20 days (expiry warnings show).
 *  - Sparkle & Shine Cleaning: public liability submitted and waiting in the operations queue.
 *  - Sam Serviceman (serviceman@): identity approved (DBS check still missing).
 *  - Chloe Customer (customer@): renter identity and insurance approved, so insurance-required
 *    rentals go through.
 */
import { createHash } from 'node:crypto';
import type { Tx } from '../client';
import { complianceDocuments, storedFiles } from '../schema';
import { demoPdf } from '@/lib/compliance/demo-pdf';
import { docTypeLabels, REQUIRED_PROVIDER_DOCS, type DocType } from '@/lib/compliance/status';
import { fileStore } from '@/lib/storage';
import { providerOrgId } from './catalog';
import { servicemanSeedId } from './crew';
import { SECOND_PROVIDER } from './custom-jobs';
import { seedId } from './ids';
import { demoProviderSlug, providers } from './london-data';

const DAY = 86_400_000;
const OPS = 'operations@fixnado.test';

/** Businesses that hold approved, in-date documents after seeding (the ones that may sell). */
export const COMPLIANT_SELLER_SLUGS: readonly string[] = [
  ...new Set([demoProviderSlug, SECOND_PROVIDER.slug, ...providers.filter((p) => p.rentals || p.sales).map((p) => p.slug)]),
];
export const EXPIRING_SELLER_SLUG = 'wandsworth-white-goods';
export const QUEUED_PROVIDER_SLUG = 'sparkle-and-shine-cleaning';

type Subject = { providerOrgId: string } | { servicemanId: string } | { userId: string };

interface DemoDoc {
  key: string;
  subject: Subject;
  holder: string;
  docType: DocType;
  issuedDaysAgo: number;
  validDays: number;
  status: 'approved' | 'submitted';
  submittedBy: string | null;
}

const providerAdminEmail: Record<string, string> = { [demoProviderSlug]: 'provider@fixnado.test', [SECOND_PROVIDER.slug]: SECOND_PROVIDER.admin.email };

export async function seedCompliance(tx: Tx, at: Date): Promise<void> {
  const now = new Date(Math.max(Date.now(), at.getTime()));
  const name = (slug: string) => providers.find((p) => p.slug === slug)?.name ?? slug;
  const docs: DemoDoc[] = [];
  const userOf = (email: string | undefined) => (email ? seedId(`user:${email}`) : null);

  for (const slug of COMPLIANT_SELLER_SLUGS) {
    for (const docType of REQUIRED_PROVIDER_DOCS) {
      const expiring = slug === EXPIRING_SELLER_SLUG && docType === 'insurance_certificate';
      docs.push({
        key: `${slug}:${docType}`,
        subject: { providerOrgId: providerOrgId(slug) },
        holder: name(slug),
        docType,
        issuedDaysAgo: expiring ? 345 : 60,
        validDays: expiring ? 20 : 400,
        status: 'approved',
        submittedBy: userOf(providerAdminEmail[slug]),
      });
    }
  }
  // A business with two documents approved and its public liability waiting for review.
  for (const docType of REQUIRED_PROVIDER_DOCS) {
    docs.push({
      key: `${QUEUED_PROVIDER_SLUG}:${docType}`,
      subject: { providerOrgId: providerOrgId(QUEUED_PROVIDER_SLUG) },
      holder: name(QUEUED_PROVIDER_SLUG),
      docType,
      issuedDaysAgo: 30,
      validDays: 365,
      status: docType === 'public_liability' ? 'submitted' : 'approved',
      submittedBy: null,
    });
  }
  docs.push({
    key: 'serviceman:sam:identity',
    subject: { servicemanId: servicemanSeedId(demoProviderSlug, 0) },
    holder: 'Sam Serviceman',
    docType: 'identity',
    issuedDaysAgo: 400,
    validDays: 3 * 365,
    status: 'approved',
    submittedBy: userOf('serviceman@fixnado.test'),
  });
  for (const docType of ['identity', 'insurance_certificate'] as const) {
    docs.push({
      key: `renter:customer:${docType}`,
      subject: { userId: seedId('user:customer@fixnado.test') },
      holder: 'Chloe Customer',
      docType,
      issuedDaysAgo: 90,
      validDays: 400,
      status: 'approved',
      submittedBy: userOf('customer@fixnado.test'),
    });
  }

  const reviewer = seedId(`user:${OPS}`);
  const date = (d: Date) => d.toISOString().slice(0, 10);
  for (const d of docs) {
    const issuedOn = date(new Date(now.getTime() - d.issuedDaysAgo * DAY));
    const expiresOn = date(new Date(now.getTime() + d.validDays * DAY));
    const number = `${d.docType === 'identity' ? 'ID' : d.docType === 'dbs_check' ? 'DBS' : 'POL'}-${createHash('sha256').update(d.key).digest('hex').slice(0, 8).toUpperCase()}`;
    const bytes = demoPdf([docTypeLabels[d.docType], `Holder: ${d.holder}`, `Number: ${number}`, `Issued: ${issuedOn}`, `Expires: ${expiresOn}`, 'Fixnado demo document - not a real certificate']);
    const fileId = seedId(`compliance-file:${d.key}`);
    const storageKey = `compliance_document/2026/${fileId}`;
    await fileStore().put(storageKey, bytes, 'application/pdf');
    const file = {
      purpose: 'compliance_document' as const,
      ownerUserId: d.submittedBy,
      storageKey,
      originalName: `${d.docType.replace(/_/g, '-')}.pdf`,
      contentType: 'application/pdf',
      sizeBytes: bytes.byteLength,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    };
    await tx
      .insert(storedFiles)
      .values({ id: fileId, ...file })
      .onConflictDoUpdate({ target: storedFiles.id, set: { sizeBytes: file.sizeBytes, sha256: file.sha256, deletedAt: null } });
    const reviewed = d.status === 'approved';
    const row = {
      docType: d.docType,
      fileId,
      documentNumber: number,
      issuedOn,
      expiresOn,
      status: d.status,
      rejectionReason: null,
      submittedBy: d.submittedBy,
      reviewedBy: reviewed ? reviewer : null,
      reviewedAt: reviewed ? new Date(now.getTime() - 7 * DAY) : null,
      expiredAt: null,
    };
    await tx
      .insert(complianceDocuments)
      .values({
        id: seedId(`compliance-doc:${d.key}`),
        providerOrgId: 'providerOrgId' in d.subject ? d.subject.providerOrgId : null,
        servicemanId: 'servicemanId' in d.subject ? d.subject.servicemanId : null,
        userId: 'userId' in d.subject ? d.subject.userId : null,
        ...row,
        createdAt: new Date(now.getTime() - (reviewed ? 8 : 1) * DAY),
        updatedAt: now,
      })
      .onConflictDoUpdate({ target: complianceDocuments.id, set: { ...row, updatedAt: now } });
  }
}
