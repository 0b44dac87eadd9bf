import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { auditLog, favouriteProviders } from '@/db/schema';
import { anonCtx, ctxFor, expectAppError, makeOrg, makeUser } from '@/test/factories';
import { listCategories } from './catalog-queries';
import { favouriteIds, listFavourites } from './favourites';
import { toggleFavourite } from './toggle-favourite';
import { makeCategory, makeProvider } from './test-geo-fixtures';

describe('favourite providers', () => {
  it('saves and unsaves a provider idempotently, with one audit row per change', async () => {
    const { id: userId } = await makeUser(['customer']);
    const ctx = await ctxFor(userId);
    const p = await makeProvider({ base: [-0.1, 51.5], name: 'Fave Fixers', tagline: 'We fix', rating: { x100: 450, count: 8 } });
    expect(await toggleFavourite(ctx, { providerOrgId: p.id, favourite: true })).toEqual({ favourite: true });
    expect(await toggleFavourite(ctx, { providerOrgId: p.id.toUpperCase(), favourite: 'true' })).toEqual({ favourite: true });
    const rows = await db().select().from(favouriteProviders).where(eq(favouriteProviders.userId, userId));
    expect(rows).toHaveLength(1);
    expect(await favouriteIds(ctx)).toEqual([p.id]);
    const list = await listFavourites(ctx);
    expect(list).toEqual([
      { orgId: p.id, slug: p.slug, name: 'Fave Fixers', tagline: 'We fix', rating: { average: 4.5, count: 8 }, basePoint: [-0.1, 51.5], savedAt: expect.any(String) },
    ]);
    expect(await toggleFavourite(ctx, { providerOrgId: p.id, favourite: false })).toEqual({ favourite: false });
    expect(await toggleFavourite(ctx, { providerOrgId: p.id, favourite: false })).toEqual({ favourite: false });
    expect(await listFavourites(ctx)).toEqual([]);
    const audit = await db().select().from(auditLog).where(and(eq(auditLog.entityId, p.id), eq(auditLog.actorId, userId)));
    expect(audit.map((a) => a.action).sort()).toEqual(['favourites.add', 'favourites.remove']);
  });

  it('keeps each customer’s favourites to themselves', async () => {
    const a = await ctxFor((await makeUser(['customer'])).id);
    const b = await ctxFor((await makeUser(['customer'])).id);
    const p = await makeProvider({ base: [-0.1, 51.5] });
    await toggleFavourite(a, { providerOrgId: p.id, favourite: true });
    expect(await favouriteIds(b)).toEqual([]);
    expect(await listFavourites(b)).toEqual([]);
    // B removing A's favourite changes nothing for A.
    await toggleFavourite(b, { providerOrgId: p.id, favourite: false });
    expect(await favouriteIds(a)).toEqual([p.id]);
  });

  it('answers NOT_FOUND for anything that is not a provider with a profile', async () => {
    const ctx = await ctxFor((await makeUser(['customer'])).id);
    const enterprise = await makeOrg('enterprise');
    const bare = await makeOrg('provider'); // no public profile
    for (const id of [enterprise.id, bare.id, '0190a7c4-0000-7000-8000-000000000000']) {
      await expectAppError(toggleFavourite(ctx, { providerOrgId: id, favourite: true }), 'NOT_FOUND');
    }
    const err = await expectAppError(toggleFavourite(ctx, { providerOrgId: 'nope', favourite: 'maybe' }), 'VALIDATION');
    expect(Object.keys(err.details.fieldErrors ?? {}).sort()).toEqual(['favourite', 'providerOrgId']);
  });

  it('needs a signed-in customer to save; reads need a user', async () => {
    const p = await makeProvider({ base: [-0.1, 51.5] });
    await expectAppError(toggleFavourite(anonCtx(), { providerOrgId: p.id, favourite: true }), 'UNAUTHENTICATED');
    const ops = await ctxFor((await makeUser(['operations'])).id);
    await expectAppError(toggleFavourite(ops, { providerOrgId: p.id, favourite: true }), 'FORBIDDEN');
    await expectAppError(listFavourites(anonCtx()), 'UNAUTHENTICATED');
    expect(await favouriteIds(anonCtx())).toEqual([]);
    expect(await listFavourites(ops)).toEqual([]);
  });
});

describe('categories', () => {
  it('lists categories by their sort order', async () => {
    await makeCategory('zeta-fixes', 'Zeta');
    await makeCategory('alpha-fixes', 'Alpha');
    const slugs = (await listCategories()).map((c) => c.slug);
    expect(slugs).toEqual(expect.arrayContaining(['alpha-fixes', 'zeta-fixes']));
    expect(slugs.indexOf('alpha-fixes')).toBeLessThan(slugs.indexOf('zeta-fixes'));
  });
});
