import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { providerOrgId } from '@/db/seed/catalog';
import { COMPLIANT_SELLER_SLUGS, EXPIRING_SELLER_SLUG, QUEUED_PROVIDER_SLUG } from '@/db/seed/compliance';
import { servicemanSeedId } from '@/db/seed/crew';
import { seedId } from '@/db/seed/ids';
import { seedAll } from '@/db/seed/index';
import { demoProviderSlug } from '@/db/seed/london-data';
import { localDiskStore, setFileStore } from '@/lib/storage';
import { ctxFor } from '@/test/factories';
import { runComplianceDaily, systemCtx } from './daily';
import { documentFile, reviewQueue } from './queries';
import { personStatus, sellerStatus } from './status';

const DAY = 86_400_000;

describe('compliance demo seed', () => {
  beforeAll(async () => {
    setFileStore(localDiskStore(mkdtempSync(join(tmpdir(), 'compliance-seed-'))));
    await seedAll(db());
  });

  it('leaves the selling providers approved for more than a year, and the demo cases in place', async () => {
    const now = new Date();
    expect(COMPLIANT_SELLER_SLUGS).toEqual(expect.arrayContaining([demoProviderSlug, 'east-end-handyman']));
    for (const slug of COMPLIANT_SELLER_SLUGS) {
      const s = await sellerStatus(db(), providerOrgId(slug), new Date(now.getTime() + (slug === EXPIRING_SELLER_SLUG ? 10 : 366) * DAY));
      expect([slug, s.status]).toEqual([slug, 'approved']);
    }
    expect((await sellerStatus(db(), providerOrgId(EXPIRING_SELLER_SLUG), new Date(now.getTime() + 22 * DAY))).status).toBe('pending_documents');
    const queued = await sellerStatus(db(), providerOrgId(QUEUED_PROVIDER_SLUG), now);
    expect(queued.documents.find((d) => d.docType === 'public_liability')!.state).toBe('under_review');
    expect((await personStatus(db(), { userId: seedId('user:customer@fixnado.test') }, now)).complete).toBe(true);
    const sam = await personStatus(db(), { servicemanId: servicemanSeedId(demoProviderSlug, 0) }, now);
    expect(sam.documents.map((d) => d.state)).toEqual(['valid', 'missing']);

    const ops = await ctxFor(seedId('user:operations@fixnado.test'));
    const queue = await reviewQueue(ops);
    expect(queue.some((q) => q.subject.id === providerOrgId(QUEUED_PROVIDER_SLUG))).toBe(true);
    // The stored file is a real PDF in the store.
    const file = await documentFile(ops, queue[0]!.id);
    expect(Buffer.from(file.bytes).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('right after seeding the daily sweep expires nothing and fails nowhere', async () => {
    const r = await runComplianceDaily(systemCtx(new Date()));
    expect(r).toMatchObject({ expired: 0, failed: 0 });
  });
});
