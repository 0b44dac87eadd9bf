import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db, rowsOf } from '@/db/client';
import { auditLog, bids, customJobPhotos, customJobs, domainEvents, mailMessages, notifications, storedFiles } from '@/db/schema';
import type { Ctx } from '@/lib/core/context';
import { newId } from '@/lib/core/ids';
import { around, makeCategory, makeProvider, makeService, makeServingProvider, makeZone } from '@/lib/geo/test-geo-fixtures';
import { localDiskStore, setFileStore } from '@/lib/storage';
import { anonCtx, ctxFor, expectAppError, makeOrg, makeUser } from '@/test/factories';
import { cancelJob } from './cancel-job';
import { closeDueJobs } from './close-due-jobs';
import { editJob } from './edit-job';
import { extendDeadline } from './extend-deadline';
import { feedEventFor } from './feed-stream';
import { postJob } from './post-job';
import { getJob, jobFeed, listMyJobs, readJobPhoto } from './queries';
import { listenJobChanges, type JobChange } from './realtime';
import { tinyPng } from './tiny-png';

const T0 = new Date(Math.floor(Date.now() / 60_000) * 60_000);
const H = 3_600_000;
const DAY = 24 * H;
const at = (ms: number) => new Date(T0.getTime() + ms);
const HOME: [number, number] = [-0.1, 51.5];
const FAR: [number, number] = [10, 10];

let categoryId: string;
let otherCategoryId: string;
let zoneId: string;
let providerA: { id: string };
let providerB: { id: string };
let adminA: string;
let adminB: string;
let adminInvited: string;
let invitedOrg: string;
let customer: string;
let customer2: string;
let ops: string;
let finance: string;
let serviceman: string;

const png = { bytes: tinyPng(), name: 'leak.png' };
const c = (userId: string, when = T0) => ctxFor(userId, when);

function jobInput(over: Record<string, unknown> = {}) {
  return {
    title: 'Fix a leaking kitchen tap',
    description: 'The mixer tap in the kitchen drips constantly; cartridge probably worn.',
    categoryId,
    location: { lon: HOME[0], lat: HOME[1] },
    addressLine: '1 Test Street, London',
    budgetMinMinor: 5000,
    budgetMaxMinor: 12000,
    currency: 'GBP',
    bidDeadline: at(3 * DAY).toISOString(),
    ...over,
  };
}

async function insertBid(jobId: string, providerOrgId: string) {
  const id = newId();
  await db().insert(bids).values({ id, jobId, providerOrgId, amountMinor: 9000n, currency: 'GBP', etaDays: 3, message: 'Can do' });
  return id;
}

beforeAll(async () => {
  setFileStore(localDiskStore(mkdtempSync(path.join(os.tmpdir(), 'fixnado-jobs-'))));
  categoryId = (await makeCategory()).id;
  otherCategoryId = (await makeCategory()).id;
  const platform = await makeOrg('platform');
  zoneId = (await makeZone({ ownerOrgId: platform.id, box: around(HOME[0], HOME[1], 0.2) })).id;
  providerA = await makeServingProvider({ base: [HOME[0] + 0.05, HOME[1]], zoneId, categoryId, name: 'Alpha Fixers' });
  providerB = await makeProvider({ base: [HOME[0] + 0.1, HOME[1]], name: 'Beta Builders' });
  await makeService({ providerOrgId: providerB.id, categoryId: otherCategoryId });
  invitedOrg = (await makeProvider({ base: [HOME[0] - 0.1, HOME[1]], name: 'Gamma Invited' })).id;
  adminA = (await makeUser(['provider_admin'], { orgs: { provider: providerA.id } })).id;
  adminB = (await makeUser(['provider_admin'], { orgs: { provider: providerB.id } })).id;
  adminInvited = (await makeUser(['provider_admin'], { orgs: { provider: invitedOrg } })).id;
  customer = (await makeUser(['customer'])).id;
  customer2 = (await makeUser(['customer'])).id;
  ops = (await makeUser(['operations'])).id;
  finance = (await makeUser(['finance'])).id;
  serviceman = (await makeUser(['serviceman'], { orgs: { provider: providerA.id } })).id;
});

afterAll(() => setFileStore(null));

describe('postJob', () => {
  it('posts a job in its zone with photos, invites, audit, event and a JB reference', async () => {
    const r = await postJob(await c(customer), { ...jobInput(), photos: [png], invitedProviderIds: [invitedOrg] });
    expect(r.reference).toMatch(/^JB-[0-9A-HJKMNP-TV-Z]{7}$/);
    expect(r.zoneId).toBe(zoneId);
    expect(r.photoIds).toHaveLength(1);
    const [job] = await db().select().from(customJobs).where(eq(customJobs.id, r.id));
    expect(job.status).toBe('open');
    expect(job.budgetMaxMinor).toBe(12000n);
    const [audit] = await db().select().from(auditLog).where(and(eq(auditLog.entityId, r.id), eq(auditLog.action, 'jobs.post')));
    expect(audit).toBeTruthy();
    const [ev] = await db().select().from(domainEvents).where(eq(domainEvents.name, 'job.posted'));
    expect(ev).toBeTruthy();
    const invitedNotice = await db().select().from(notifications).where(and(eq(notifications.userId, adminInvited), eq(notifications.kind, 'job.invited')));
    expect(invitedNotice).toHaveLength(1);
  });

  it('names the field for each rule', async () => {
    const ctx = await c(customer);
    const field = async (over: Record<string, unknown>, name: string) => {
      const err = await expectAppError(postJob(ctx, jobInput(over)), 'VALIDATION');
      expect(Object.keys(err.details.fieldErrors ?? {})).toContain(name);
    };
    await field({ title: 'Tap' }, 'title');
    await field({ description: 'too short' }, 'description');
    await field({ description: 'x'.repeat(5001) }, 'description');
    await field({ categoryId: newId() }, 'categoryId');
    await field({ budgetMinMinor: 20000, budgetMaxMinor: 10000 }, 'budgetMaxMinor');
    await field({ budgetMinMinor: -1 }, 'budgetMinMinor');
    await field({ currency: 'EUR' }, 'currency');
    await field({ bidDeadline: at(-H).toISOString() }, 'bidDeadline');
    await field({ bidDeadline: at(61 * DAY).toISOString() }, 'bidDeadline');
    await field({ invitedProviderIds: [newId()] }, 'invitedProviderIds');
    await field({ invitedProviderIds: [customer2] }, 'invitedProviderIds');
    await field({ invitedProviderIds: Array.from({ length: 21 }, () => newId()) }, 'invitedProviderIds');
    await field({ inviteOnly: true }, 'invitedProviderIds');
    await field({ location: { lon: FAR[0], lat: FAR[1] } }, 'location');
  });

  it('refuses a 7th photo, an SVG and a PDF named .jpg — and saves nothing', async () => {
    const ctx = await c(customer);
    const before = (await db().select({ n: sql<number>`count(*)::int` }).from(customJobs))[0].n;
    const filesBefore = (await db().select({ n: sql<number>`count(*)::int` }).from(storedFiles))[0].n;
    let err = await expectAppError(postJob(ctx, { ...jobInput(), photos: Array.from({ length: 7 }, () => png) }), 'VALIDATION');
    expect(err.details.fieldErrors?.photos).toBeTruthy();
    const svg = { bytes: new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), name: 'x.svg' };
    err = await expectAppError(postJob(ctx, { ...jobInput(), photos: [png, svg] }), 'VALIDATION');
    expect(err.details.fieldErrors?.['photos.1']).toBeTruthy();
    const pdf = { bytes: new TextEncoder().encode('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF'), name: 'photo.jpg' };
    err = await expectAppError(postJob(ctx, { ...jobInput(), photos: [pdf] }), 'VALIDATION');
    expect(err.details.fieldErrors?.['photos.0']?.[0]).toMatch(/image/);
    // The first photo of the SVG attempt was stored before the second failed: rolled back with the job.
    expect((await db().select({ n: sql<number>`count(*)::int` }).from(customJobs))[0].n).toBe(before);
    expect((await db().select({ n: sql<number>`count(*)::int` }).from(storedFiles))[0].n).toBe(filesBefore);
  });

  it('out of zone: refused unless allowed, then zone null and any supported currency', async () => {
    const ctx = await c(customer);
    await expectAppError(postJob(ctx, jobInput({ location: { lon: FAR[0], lat: FAR[1] } })), 'VALIDATION');
    const r = await postJob(ctx, jobInput({ location: { lon: FAR[0], lat: FAR[1] }, outOfZoneAllowed: true, currency: 'EUR' }));
    expect(r.zoneId).toBeNull();
    const err = await expectAppError(postJob(ctx, jobInput({ location: { lon: FAR[0], lat: FAR[1] }, outOfZoneAllowed: true, currency: 'XXX' })), 'VALIDATION');
    expect(err.details.fieldErrors?.currency).toBeTruthy();
  });

  it('wrong roles are refused', async () => {
    await expectAppError(postJob(await c(adminA), jobInput()), 'FORBIDDEN');
    await expectAppError(postJob(await c(ops), jobInput()), 'FORBIDDEN');
    await expectAppError(postJob(anonCtx(T0), jobInput()), 'FORBIDDEN');
  });

  it('sends a NOTIFY on commit (and none for a rolled-back post)', async () => {
    const heard: JobChange[] = [];
    const stop = await listenJobChanges((ch) => heard.push(ch));
    try {
      await expectAppError(postJob(await c(customer), jobInput({ title: 'No' })), 'VALIDATION');
      const r = await postJob(await c(customer), jobInput({ title: 'Notify me please' }));
      for (let i = 0; i < 50 && !heard.some((h) => h.jobId === r.id); i++) await new Promise((res) => setTimeout(res, 50));
      expect(heard.filter((h) => h.jobId === r.id)).toEqual([{ kind: 'posted', jobId: r.id, version: 1 }]);
      expect(heard).toHaveLength(1);
    } finally {
      await stop();
    }
  });
});

describe('visibility', () => {
  it('the customer, operations and eligible providers see a job; others get NOT_FOUND', async () => {
    const r = await postJob(await c(customer), { ...jobInput(), photos: [png] });
    expect((await getJob(await c(customer), r.id)).viewer).toBe('customer');
    expect((await getJob(await c(ops), r.id)).viewer).toBe('operations');
    const asA = await getJob(await c(adminA), r.id);
    expect(asA.viewer).toBe('provider');
    expect(asA.invites).toEqual([]);
    await expectAppError(getJob(await c(adminB), r.id), 'NOT_FOUND');
    await expectAppError(getJob(await c(customer2), r.id), 'NOT_FOUND');
    await expectAppError(getJob(await c(serviceman), r.id), 'NOT_FOUND');
    await expectAppError(getJob(await c(finance), r.id), 'NOT_FOUND');
    const photo = await readJobPhoto(await c(adminA), r.id, r.photoIds[0]);
    expect(photo.contentType).toBe('image/png');
    await expectAppError(readJobPhoto(await c(adminB), r.id, r.photoIds[0]), 'NOT_FOUND');
    await expectAppError(readJobPhoto(await c(customer), r.id, newId()), 'NOT_FOUND');
  });

  it('invite-only jobs are for invitees alone', async () => {
    const r = await postJob(await c(customer), jobInput({ inviteOnly: true, invitedProviderIds: [invitedOrg] }));
    await expectAppError(getJob(await c(adminA), r.id), 'NOT_FOUND');
    expect((await getJob(await c(adminInvited), r.id)).viewer).toBe('provider');
    const feedA = await jobFeed(await c(adminA));
    expect(feedA.items.some((i) => i.id === r.id)).toBe(false);
    const feedInv = await jobFeed(await c(adminInvited));
    expect(feedInv.items.find((i) => i.id === r.id)?.invited).toBe(true);
  });

  it("a provider admin posting as a customer never sees its own job in its business's feed", async () => {
    const both = await makeUser(['customer', 'provider_admin'], { orgs: { provider: providerA.id } });
    const r = await postJob(await c(both.id), jobInput());
    expect((await getJob(await c(both.id), r.id)).viewer).toBe('customer');
    await expectAppError(getJob(await c(adminA), r.id), 'NOT_FOUND');
    expect((await jobFeed(await c(adminA))).items.some((i) => i.id === r.id)).toBe(false);
  });
});

describe('feed', () => {
  it('lists eligible open jobs newest first with distance, bids and filters; pages by cursor', async () => {
    const ctx = await c(adminA);
    const feed = await jobFeed(ctx);
    expect(feed.items.length).toBeGreaterThan(0);
    const times = feed.items.map((i) => i.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
    const first = feed.items[0];
    expect(first.distanceKm).toBeGreaterThan(2);
    expect(first.distanceKm).toBeLessThan(5);
    await insertBid(first.id, providerA.id);
    const again = await jobFeed(ctx);
    const card = again.items.find((i) => i.id === first.id)!;
    expect(card.alreadyBid).toBe(true);
    expect(card.bidCount).toBe(1);
    expect((await jobFeed(ctx, { categoryId: otherCategoryId })).items).toHaveLength(0);
    // The out-of-zone job posted earlier: A offers the category, so it may bid anywhere.
    const oz = (await jobFeed(ctx, { outOfZone: true })).items;
    expect(oz.length).toBeGreaterThan(0);
    expect(oz.every((i) => i.outOfZone && i.distanceKm! > 1000)).toBe(true);
    expect((await jobFeed(ctx, { zoneId })).items.length).toBe(again.items.length - oz.length);
    // Pagination by cursor never repeats or skips.
    const all: string[] = [];
    let cursor: string | undefined;
    for (let i = 0; i < 20; i++) {
      const page = await jobFeed(ctx, { cursor });
      all.push(...page.items.map((x) => x.id));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(new Set(all).size).toBe(all.length);
    await expectAppError(jobFeed(await c(customer)), 'FORBIDDEN');
    await expectAppError(jobFeed(ctx, { cursor: 'bogus' }), 'VALIDATION');
  });

  it('stream events: a card for the eligible, nothing for others, closed after cancel', async () => {
    const r = await postJob(await c(customer), jobInput({ title: 'Streamed job' }));
    const ev = await feedEventFor(providerA.id, { kind: 'posted', jobId: r.id, version: 1 }, T0);
    expect(ev?.item?.title).toBe('Streamed job');
    expect(await feedEventFor(providerB.id, { kind: 'posted', jobId: r.id, version: 1 }, T0)).toBeNull();
    await cancelJob(await c(customer), { jobId: r.id });
    expect((await feedEventFor(providerA.id, { kind: 'closed', jobId: r.id, version: 2 }, T0))?.kind).toBe('closed');
    expect(await feedEventFor(providerB.id, { kind: 'closed', jobId: r.id, version: 2 }, T0)).toBeNull();
  });
});

describe('edit, cancel, extend', () => {
  it('edits with the current version; a stale version is a 409; other people NOT_FOUND', async () => {
    const r = await postJob(await c(customer), { ...jobInput(), photos: [png, png] });
    const bidId = await insertBid(r.id, providerA.id);
    void bidId;
    const e1 = await editJob(await c(customer), { jobId: r.id, version: 1, description: 'Now the bathroom tap drips as well, both need a look.', budgetMaxMinor: 15000, removePhotoIds: [r.photoIds[0]], photos: [png] });
    expect(e1.version).toBe(2);
    expect(e1.fields.sort()).toEqual(['budget', 'description', 'photos']);
    const stale = await expectAppError(editJob(await c(customer), { jobId: r.id, version: 1, title: 'Another title' }), 'CONFLICT');
    expect(stale.details.currentVersion).toBe(2);
    await expectAppError(editJob(await c(customer2), { jobId: r.id, version: 2, title: 'Hijacked title' }), 'NOT_FOUND');
    await expectAppError(editJob(await c(adminA), { jobId: r.id, version: 2, title: 'Hijacked title' }), 'FORBIDDEN');
    const err = await expectAppError(editJob(await c(customer), { jobId: r.id, version: 2, budgetMinMinor: 20000 }), 'VALIDATION');
    expect(err.details.fieldErrors?.budgetMaxMinor).toBeTruthy();
    const tooMany = await expectAppError(editJob(await c(customer), { jobId: r.id, version: 2, photos: [png, png, png, png, png] }), 'VALIDATION');
    expect(tooMany.details.fieldErrors?.photos).toBeTruthy();
    const job = await getJob(await c(adminA), r.id);
    expect(job.photos).toHaveLength(2);
    expect(job.budgetMaxMinor).toBe(15000);
    const notices = await db().select().from(notifications).where(and(eq(notifications.userId, adminA), eq(notifications.kind, 'job.changed')));
    expect(notices.length).toBeGreaterThan(0);
    expect(await db().select().from(auditLog).where(and(eq(auditLog.entityId, r.id), eq(auditLog.action, 'jobs.edit')))).toHaveLength(1);
  });

  it('cancel declines open bids and tells the bidders; then nothing more can change', async () => {
    const r = await postJob(await c(customer), jobInput());
    const bidId = await insertBid(r.id, providerA.id);
    await expectAppError(cancelJob(await c(customer2), { jobId: r.id }), 'NOT_FOUND');
    const res = await cancelJob(await c(customer), { jobId: r.id, reason: 'Fixed it myself' });
    expect(res.bidsDeclined).toBe(1);
    const [bid] = await db().select().from(bids).where(eq(bids.id, bidId));
    expect(bid.status).toBe('declined');
    const told = await db().select().from(notifications).where(and(eq(notifications.userId, adminA), eq(notifications.businessKey, `job:${r.id}:cancelled`)));
    expect(told).toHaveLength(1);
    await expectAppError(cancelJob(await c(customer), { jobId: r.id }), 'CONFLICT');
    await expectAppError(extendDeadline(await c(customer), { jobId: r.id, bidDeadline: at(10 * DAY).toISOString() }), 'CONFLICT');
    expect(await db().select().from(auditLog).where(and(eq(auditLog.entityId, r.id), eq(auditLog.action, 'jobs.cancel')))).toHaveLength(1);
  });

  it('extend: later than now and the current deadline, within 60 days', async () => {
    const r = await postJob(await c(customer), jobInput());
    let err = await expectAppError(extendDeadline(await c(customer), { jobId: r.id, bidDeadline: at(2 * DAY).toISOString() }), 'VALIDATION');
    expect(err.details.fieldErrors?.bidDeadline).toBeTruthy();
    err = await expectAppError(extendDeadline(await c(customer), { jobId: r.id, bidDeadline: at(61 * DAY).toISOString() }), 'VALIDATION');
    expect(err.details.fieldErrors?.bidDeadline).toBeTruthy();
    const ok = await extendDeadline(await c(customer), { jobId: r.id, bidDeadline: at(10 * DAY).toISOString() });
    expect(ok.version).toBe(2);
    await expectAppError(extendDeadline(await c(adminA), { jobId: r.id, bidDeadline: at(11 * DAY).toISOString() }), 'FORBIDDEN');
  });
});

describe('deadline job', () => {
  it('closes due jobs, sends the no-bids notice once with nearby suggestions, and is idempotent', async () => {
    const noBids = await postJob(await c(customer2), jobInput({ title: 'Nobody wants this', bidDeadline: at(H).toISOString() }));
    const withBid = await postJob(await c(customer2), jobInput({ title: 'Popular job here', bidDeadline: at(H).toISOString() }));
    await insertBid(withBid.id, providerA.id);
    const later = at(2 * H);
    const first = await closeDueJobs(later);
    expect(first.closed).toBeGreaterThanOrEqual(2);
    expect(first.failed).toBe(0);
    const second = await closeDueJobs(later);
    expect(second.closed).toBe(0);
    const [j1] = await db().select().from(customJobs).where(eq(customJobs.id, noBids.id));
    expect(j1.status).toBe('closed');
    const notice = await db().select().from(notifications).where(and(eq(notifications.userId, customer2), eq(notifications.kind, 'job.no_bids')));
    expect(notice).toHaveLength(1);
    expect(notice[0].body).toContain('Alpha Fixers');
    const mails = rowsOf<{ n: number }>(await db().execute(sql`select count(*)::int as n from mail_messages where template = 'custom_job.no_bids' and text_body like ${'%' + noBids.reference + '%'}`));
    expect(Number(mails[0].n)).toBe(1);
    void mailMessages;
    const closedNotice = await db().select().from(notifications).where(and(eq(notifications.userId, customer2), eq(notifications.businessKey, `job:${withBid.id}:closed`)));
    expect(closedNotice).toHaveLength(1);
    // A closed job leaves the feed; extending reopens it.
    expect((await jobFeed(await c(adminA, later))).items.some((i) => i.id === withBid.id)).toBe(false);
    await extendDeadline(await c(customer2, later), { jobId: withBid.id, bidDeadline: at(3 * DAY).toISOString() });
    expect((await jobFeed(await c(adminA, later))).items.some((i) => i.id === withBid.id)).toBe(true);
    const mine = await listMyJobs(await c(customer2, later));
    expect(mine.find((m) => m.id === withBid.id)?.bidCount).toBe(1);
    void customJobPhotos;
  });
});
