import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { auditLog, commissionRules, taxRates } from '@/db/schema';
import { newId } from '@/lib/core/ids';
import { around, cover, makeCategory, makeProvider, makeService, makeZone } from '@/lib/geo/test-geo-fixtures';
import { anonCtx, ctxFor, expectAppError, makeOrg, makeUser } from '@/test/factories';
import { deleteAddress } from './delete-address';
import { bookableService, providerBookableServices, quotePreview } from './quote-preview';
import { saveAddress } from './save-address';
import { listSavedAddresses } from './saved-addresses';

// Saved addresses (customer only, own rows only, audited) and the wizard's read-only quote preview.
const HERE: [number, number] = [7.25, 46.25];

let customer: string;
let other: string;
let provider: string;
let serviceId: string;
let uncoveredServiceId: string;
let providerSlug: string;

beforeAll(async () => {
  customer = (await makeUser(['customer'])).id;
  other = (await makeUser(['customer'])).id;
  const platform = await makeOrg('platform');
  const zone = await makeZone({ ownerOrgId: platform.id, box: around(HERE[0], HERE[1], 0.05), name: `Wizard zone ${newId().slice(-6)}` });
  const cat = await makeCategory();
  await db().insert(taxRates).values({ id: newId(), region: 'GB', name: 'VAT', rateBp: 2000, effectiveFrom: new Date('2020-01-01T00:00:00Z') });
  await db().insert(commissionRules).values({ id: newId(), kind: 'service_fee', name: 'Wizard default', rateBp: 250, effectiveFrom: new Date('2020-01-01T00:00:00Z') });
  const org = await makeProvider({ base: HERE });
  provider = (await makeUser(['provider_admin'], { orgs: { provider: org.id } })).id;
  providerSlug = org.slug;
  serviceId = await makeService({ providerOrgId: org.id, categoryId: cat.id, priceMinor: 10000, currency: 'GBP', title: 'Wizard repair' });
  uncoveredServiceId = await makeService({ providerOrgId: org.id, categoryId: cat.id, priceMinor: 5000, currency: 'GBP', title: 'Uncovered job' });
  await cover({ providerOrgId: org.id, zoneId: zone.id, serviceId });
});

describe('saved addresses', () => {
  it('saves, lists own rows only, refuses duplicates and invalid input, and audits', async () => {
    const ctx = await ctxFor(customer);
    const saved = await saveAddress(ctx, { label: 'Home', addressLine: '1 Test Street', lon: '7.25', lat: '46.25' });
    expect(saved).toMatchObject({ label: 'Home', addressLine: '1 Test Street', lon: 7.25, lat: 46.25 });
    const audit = await db().select().from(auditLog).where(and(eq(auditLog.action, 'addresses.save'), eq(auditLog.entityId, saved.id)));
    expect(audit).toHaveLength(1);

    await expectAppError(saveAddress(ctx, { label: 'home', addressLine: '2 Other Street', lon: 7.2, lat: 46.2 }), 'VALIDATION');
    await expectAppError(saveAddress(ctx, { label: 'Work', addressLine: 'x', lon: 7.2, lat: 46.2 }), 'VALIDATION');
    await expectAppError(saveAddress(ctx, { label: 'Work', addressLine: '2 Other Street', lon: '', lat: 46.2 }), 'VALIDATION');
    await expectAppError(saveAddress(ctx, { label: 'Work', addressLine: '2 Other Street', lon: 200, lat: 46.2 }), 'VALIDATION');

    expect((await listSavedAddresses(ctx)).map((a) => a.id)).toEqual([saved.id]);
    expect(await listSavedAddresses(await ctxFor(other))).toEqual([]);
  });

  it('wrong role and anonymous are refused', async () => {
    await expectAppError(saveAddress(await ctxFor(provider), { label: 'Depot', addressLine: '1 Yard Lane', lon: 7.2, lat: 46.2 }), 'FORBIDDEN');
    await expectAppError(listSavedAddresses(await ctxFor(provider)), 'FORBIDDEN');
    await expectAppError(saveAddress(anonCtx(), { label: 'Home', addressLine: '1 Test Street', lon: 7.2, lat: 46.2 }), 'UNAUTHENTICATED');
  });

  it('deletes own rows; another person’s id is NOT_FOUND and stays', async () => {
    const mine = await saveAddress(await ctxFor(customer), { label: 'Gym', addressLine: '3 Fit Road', lon: 7.26, lat: 46.26 });
    await expectAppError(deleteAddress(await ctxFor(other), { addressId: mine.id }), 'NOT_FOUND');
    await expectAppError(deleteAddress(await ctxFor(provider), { addressId: mine.id }), 'FORBIDDEN');
    await expectAppError(deleteAddress(await ctxFor(customer), { addressId: 'nope' }), 'VALIDATION');
    expect(await deleteAddress(await ctxFor(customer), { addressId: mine.id })).toEqual({ addressId: mine.id, deleted: true });
    await expectAppError(deleteAddress(await ctxFor(customer), { addressId: mine.id }), 'NOT_FOUND');
    const audit = await db().select().from(auditLog).where(and(eq(auditLog.action, 'addresses.delete'), eq(auditLog.entityId, mine.id)));
    expect(audit).toHaveLength(1);
  });
});

describe('quotePreview', () => {
  it('quotes with the booking engine (lines add up to the total) and says the point is covered', async () => {
    const q = await quotePreview(anonCtx(), { serviceId, type: 'scheduled', lon: String(HERE[0]), lat: String(HERE[1]) });
    expect(q.covered).toBe(true);
    expect(q.zone.name).toMatch(/^Wizard zone/);
    expect(q.currency).toBe('GBP');
    const parts = q.lines.filter((l) => l.key !== 'total' && !l.included).reduce((a, l) => a + l.amountMinor, 0);
    expect(parts).toBe(q.totalMinor);
    expect(q.priceMinor).toBeGreaterThan(0);
    expect(q.lines.map((l) => l.key)).toEqual(['price', 'service_fee', 'tax', 'total']);
    expect(q.lines.at(-1)?.amountMinor).toBe(q.totalMinor);
  });

  it('reports an uncovered service, a point outside every zone and bad input', async () => {
    const q = await quotePreview(anonCtx(), { serviceId: uncoveredServiceId, lon: HERE[0], lat: HERE[1] });
    expect(q.covered).toBe(false);
    await expectAppError(quotePreview(anonCtx(), { serviceId, lon: 0, lat: 0 }), 'VALIDATION');
    await expectAppError(quotePreview(anonCtx(), { serviceId, lon: 'x', lat: 1 }), 'VALIDATION');
    await expectAppError(quotePreview(anonCtx(), { serviceId: newId(), lon: HERE[0], lat: HERE[1] }), 'VALIDATION');
  });

  it('bookableService / providerBookableServices list active services only', async () => {
    const s = await bookableService(anonCtx(), serviceId);
    expect(s).toMatchObject({ title: 'Wizard repair', priceMinor: 10000, currency: 'GBP' });
    await expectAppError(bookableService(anonCtx(), newId()), 'NOT_FOUND');
    const p = await providerBookableServices(anonCtx(), providerSlug);
    expect(p.services.map((x) => x.title).sort()).toEqual(['Uncovered job', 'Wizard repair']);
    await expectAppError(providerBookableServices(anonCtx(), 'no-such-provider-slug'), 'NOT_FOUND');
  });
});
