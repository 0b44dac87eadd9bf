import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { insertQuotedBooking } from '@/test/quoted-booking';
import { auditLog, invoices } from '@/db/schema';
import { withTx, type Ctx } from '@/lib/core/context';
import { newId } from '@/lib/core/ids';
import { parseRate } from '@/lib/core/money';
import { captureBookingPayment, holdBookingPayment, refundBooking, voidBookingPayment, type MoneyCtx } from '@/lib/finance/booking-money';
import { reconcile } from '@/lib/finance/ledger';
import { quote } from '@/lib/finance/quote';
import { makeCategory, makeService, makeZone } from '@/lib/geo/test-geo-fixtures';
import { ctxFor, expectAppError, makeOrg, makeUser } from '@/test/factories';
import { getBookingDocuments, getMyBillingProfile, getOrgBillingProfile, listInvoices } from './queries';
import { saveBillingProfile } from './save-billing-profile';

const t0 = new Date('2026-03-02T09:00:00Z');
const sys = (at = t0): Ctx => ({ actor: { kind: 'system', job: 'test', roles: [] }, requestId: `test-${newId()}`, now: at });
const run = <R>(fn: (c: MoneyCtx) => Promise<R>, at = t0) => withTx(sys(at), fn);

let customerId: string;
let providerOrgId: string;
let providerAdminId: string;
let serviceId: string;
let zoneId: string;

const gbDetails = { legalName: 'Sparkle Cleaning Ltd', vatNumber: 'GB 123 4567 89', companyNumber: '01234567', addressLine1: '1 High Street', city: 'London', postcode: 'sw1a1aa', country: 'gb', invoiceEmail: 'accounts@sparkle.example' };

beforeAll(async () => {
  customerId = (await makeUser(['customer'])).id;
  providerOrgId = (await makeOrg('provider')).id;
  providerAdminId = (await makeUser(['provider_admin'], { orgs: { provider: providerOrgId } })).id;
  const platform = await makeOrg('platform');
  const category = await makeCategory();
  serviceId = await makeService({ providerOrgId, categoryId: category.id });
  zoneId = (await makeZone({ ownerOrgId: platform.id, box: [-0.2, 51.4, 0, 51.6] })).id;
});

async function makeBooking(opts: { priceMinor?: bigint; currency?: string; taxInclusive?: boolean; taxRateBp?: number; feeBp?: number; customer?: string } = {}) {
  const currency = opts.currency ?? 'GBP';
  const q = quote({
    providerPriceMinor: opts.priceMinor ?? 10_000n,
    providerCurrency: currency,
    taxInclusive: opts.taxInclusive ?? false,
    bookingCurrency: currency,
    fxRate: parseRate('1'),
    serviceFeeBp: opts.feeBp ?? 250,
    serviceFeeMinimumMinor: null,
    taxRateBp: opts.taxRateBp ?? 2000,
    providerCommissionBp: 0,
  });
  const id = newId();
  const customer = opts.customer ?? customerId;
  await insertQuotedBooking(q, { id, customerId: customer, providerOrgId, serviceId, zoneId });
  return { id, customerId: customer, providerOrgId, currency, totalMinor: q.totalMinor, quote: q };
}

async function capturedBooking(opts: Parameters<typeof makeBooking>[0] = {}, at = t0) {
  const b = await makeBooking(opts);
  await run((c) => holdBookingPayment(c, b, 'pm_card_visa'), at);
  await run((c) => captureBookingPayment(c, b.id), at);
  return b;
}

const docsOf = async (bookingId: string) => db().select().from(invoices).where(eq(invoices.bookingId, bookingId)).orderBy(invoices.issuedAt, invoices.number);
const sumLines = (lines: unknown) => (lines as { netMinor: number; taxMinor: number; grossMinor: number }[]).reduce((a, l) => a + BigInt(l.grossMinor), 0n);

describe('issuing on capture', () => {
  it('issues one numbered VAT invoice per booking when the payment is captured, idempotently', async () => {
    const b = await capturedBooking();
    await run((c) => captureBookingPayment(c, b.id));
    const docs = await docsOf(b.id);
    expect(docs).toHaveLength(1);
    const inv = docs[0];
    expect(inv.number).toMatch(/^FX-2026-\d{6}$/);
    expect(inv.kind).toBe('invoice');
    expect(inv.businessKey).toBe(`invoice:${b.id}`);
    expect(BigInt(inv.totalMinor)).toBe(12_300n);
    expect(BigInt(inv.netMinor)).toBe(10_250n);
    expect(BigInt(inv.taxMinor)).toBe(2050n);
    expect(inv.lines).toEqual([
      expect.objectContaining({ key: 'price', suppliedBy: 'provider', netMinor: 10_000, taxMinor: 2000, grossMinor: 12_000, taxRateBp: 2000 }),
      expect.objectContaining({ key: 'service_fee', suppliedBy: 'platform', netMinor: 250, taxMinor: 50, grossMinor: 300 }),
    ]);
    // No provider profile yet: the organisation's name still makes a valid supplier.
    expect(inv.supplier).toMatchObject({ legalName: expect.stringContaining('provider'), vatNumber: null, agent: { legalName: 'Fixnado' } });
    expect(inv.buyer).toMatchObject({ legalName: 'Test User', email: expect.stringContaining('@') });
    const audits = await db().select().from(auditLog).where(eq(auditLog.entityId, inv.id));
    expect(audits.map((a) => a.action)).toEqual(['invoices.issue']);
    expect(await reconcile(db())).toEqual({ transactionsUnbalanced: 0, accountsDrift: [], paymentsDrift: [] });
  });

  it('numbers 10 concurrent captures 1..10 in the series with no gap or duplicate', async () => {
    const at = new Date('2031-01-02T10:00:00Z');
    const list = await Promise.all(Array.from({ length: 10 }, () => makeBooking()));
    for (const b of list) await run((c) => holdBookingPayment(c, b, 'pm_card_visa'), at);
    await Promise.all(list.map((b) => run((c) => captureBookingPayment(c, b.id), at)));
    const rows = await db().select({ number: invoices.number }).from(invoices).where(sql`${invoices.number} like 'FX-2031-%'`);
    expect(rows.map((r) => r.number).sort()).toEqual(Array.from({ length: 10 }, (_, i) => `FX-2031-${String(i + 1).padStart(6, '0')}`));
  });

  it.each([
    { currency: 'GBP', priceMinor: 9_999n, taxInclusive: false, feeBp: 250 },
    { currency: 'GBP', priceMinor: 9_999n, taxInclusive: true, feeBp: 1200 },
    { currency: 'JPY', priceMinor: 12_345n, taxInclusive: false, feeBp: 250, taxRateBp: 1000 },
    { currency: 'JPY', priceMinor: 7_777n, taxInclusive: true, feeBp: 333, taxRateBp: 1000 },
    { currency: 'KWD', priceMinor: 12_345n, taxInclusive: false, feeBp: 250, taxRateBp: 500 },
    { currency: 'KWD', priceMinor: 1_001n, taxInclusive: true, feeBp: 1250, taxRateBp: 1500 },
  ])('lines add up exactly to the booking total ($currency, inclusive $taxInclusive)', async (o) => {
    const b = await capturedBooking(o);
    const [inv] = await docsOf(b.id);
    expect(inv.currency.trim()).toBe(o.currency);
    expect(sumLines(inv.lines)).toBe(b.totalMinor);
    expect(BigInt(inv.totalMinor)).toBe(b.totalMinor);
    expect(BigInt(inv.taxMinor)).toBe(b.quote.taxMinor);
  });
});

describe('credit notes', () => {
  it('issues a credit note per refund, correcting the invoice, and one more on a full void', async () => {
    const b = await capturedBooking();
    await run((c) => refundBooking(c, b.id, 1_001n, 'Arrived late'));
    await run((c) => refundBooking(c, b.id, 1_001n, 'Arrived late'));
    let docs = await docsOf(b.id);
    expect(docs.map((d) => d.kind)).toEqual(['invoice', 'credit_note']);
    const [inv, cn] = docs;
    expect(cn.correctsInvoiceId).toBe(inv.id);
    expect(BigInt(cn.totalMinor)).toBe(-1_001n);
    expect(sumLines(cn.lines)).toBe(-1_001n);
    expect(BigInt(cn.netMinor) + BigInt(cn.taxMinor)).toBe(-1_001n);
    expect(cn.buyer).toEqual(inv.buyer);
    await run((c) => voidBookingPayment(c, b.id));
    docs = await docsOf(b.id);
    expect(docs.map((d) => d.kind)).toEqual(['invoice', 'credit_note', 'credit_note']);
    expect(docs.reduce((a, d) => a + BigInt(d.totalMinor), 0n)).toBe(0n);
    expect(await reconcile(db())).toEqual({ transactionsUnbalanced: 0, accountsDrift: [], paymentsDrift: [] });
  });

  it('invoices are append-only: UPDATE and DELETE are refused', async () => {
    const b = await capturedBooking();
    const [inv] = await docsOf(b.id);
    await expect(db().execute(sql`update invoices set total_minor = 1, net_minor = 1, tax_minor = 0 where id = ${inv.id}`)).rejects.toThrow();
    await expect(db().execute(sql`delete from invoices where id = ${inv.id}`)).rejects.toThrow();
    expect((await docsOf(b.id))[0].totalMinor).toEqual(inv.totalMinor);
  });
});

describe('billing profiles', () => {
  it('saves the provider’s details (normalised), audited; the invoice snapshot does not change when they are edited later', async () => {
    const ctx = await ctxFor(providerAdminId);
    const saved = await saveBillingProfile(ctx, { owner: 'provider', orgId: providerOrgId, ...gbDetails });
    expect(saved).toMatchObject({ vatNumber: 'GB123456789', postcode: 'SW1A 1AA', country: 'GB' });
    const audits = await db().select().from(auditLog).where(eq(auditLog.entityId, saved.id));
    expect(audits.map((a) => a.action)).toEqual(['billing.profile_save']);

    const b = await capturedBooking();
    const [inv] = await docsOf(b.id);
    expect(inv.supplier).toMatchObject({ legalName: 'Sparkle Cleaning Ltd', vatNumber: 'GB123456789', addressLines: ['1 High Street', 'London', 'SW1A 1AA', 'United Kingdom'] });

    await saveBillingProfile(ctx, { owner: 'provider', orgId: providerOrgId, ...gbDetails, legalName: 'Sparkle Renamed Ltd', vatNumber: 'GB123456789012' });
    expect((await getOrgBillingProfile(ctx, providerOrgId))?.legalName).toBe('Sparkle Renamed Ltd');
    const [again] = await docsOf(b.id);
    expect(again.supplier).toEqual(inv.supplier);
  });

  it('bills the enterprise when an enterprise member books, else the customer’s own details', async () => {
    const enterpriseId = (await makeOrg('enterprise')).id;
    const admin = await makeUser(['enterprise_admin'], { orgs: { enterprise: enterpriseId } });
    const member = await makeUser(['customer', 'enterprise_member'], { orgs: { enterprise: enterpriseId } });
    await saveBillingProfile(await ctxFor(admin.id), { owner: 'enterprise', orgId: enterpriseId, ...gbDetails, legalName: 'Acme Offices plc', vatNumber: 'DE123456789', country: 'DE', postcode: '10115', city: 'Berlin' });
    const b = await capturedBooking({ customer: member.id });
    const [inv] = await docsOf(b.id);
    expect(inv.buyerOrgId).toBe(enterpriseId);
    expect(inv.buyer).toMatchObject({ legalName: 'Acme Offices plc', vatNumber: 'DE123456789', country: 'DE' });
    // The enterprise admin sees it in the organisation's list; the booking's customer sees it too.
    expect((await listInvoices(await ctxFor(admin.id), { buyerOrgId: enterpriseId })).map((d) => d.id)).toEqual([inv.id]);
    expect((await getBookingDocuments(await ctxFor(member.id), b.id)).map((d) => d.number)).toEqual([inv.number]);

    const solo = await makeUser(['customer']);
    const soloCtx = await ctxFor(solo.id);
    await saveBillingProfile(soloCtx, { owner: 'self', ...gbDetails, legalName: 'Jo Bloggs Consulting', vatNumber: '' });
    expect(await getMyBillingProfile(soloCtx)).toMatchObject({ legalName: 'Jo Bloggs Consulting', vatNumber: null });
    const b2 = await capturedBooking({ customer: solo.id });
    const [inv2] = await docsOf(b2.id);
    expect(inv2.buyerOrgId).toBeNull();
    expect(inv2.buyer).toMatchObject({ legalName: 'Jo Bloggs Consulting' });
    expect((await listInvoices(soloCtx, { customer: true })).map((d) => d.number)).toEqual([inv2.number]);
  });

  it('names the field that is wrong', async () => {
    const ctx = await ctxFor(customerId);
    const cases: [Record<string, unknown>, string][] = [
      [{ vatNumber: 'GB12345' }, 'vatNumber'],
      [{ vatNumber: 'X1' }, 'vatNumber'],
      [{ postcode: '12345' }, 'postcode'],
      [{ country: 'ZZ' }, 'country'],
      [{ country: 'GBR' }, 'country'],
      [{ legalName: '' }, 'legalName'],
      [{ invoiceEmail: 'not-an-email' }, 'invoiceEmail'],
    ];
    for (const [patch, field] of cases) {
      const err = await expectAppError(saveBillingProfile(ctx, { owner: 'self', ...gbDetails, ...patch }), 'VALIDATION');
      expect(Object.keys(err.details.fieldErrors ?? {})).toContain(field);
    }
    // Other countries: any postcode shape; EU-style VAT prefixes.
    await saveBillingProfile(ctx, { owner: 'self', ...gbDetails, country: 'FR', postcode: '75001', vatNumber: 'FR12345678901' });
  });

  it('refuses the wrong role and other tenants', async () => {
    const otherProvider = (await makeOrg('provider')).id;
    const adminCtx = await ctxFor(providerAdminId);
    await expectAppError(saveBillingProfile(adminCtx, { owner: 'provider', orgId: otherProvider, ...gbDetails }), 'FORBIDDEN');
    await expectAppError(saveBillingProfile(adminCtx, { owner: 'self', ...gbDetails }), 'FORBIDDEN');
    await expectAppError(saveBillingProfile(adminCtx, { owner: 'enterprise', orgId: providerOrgId, ...gbDetails }), 'FORBIDDEN');
    await expectAppError(getOrgBillingProfile(adminCtx, otherProvider), 'NOT_FOUND');
    const serviceman = await makeUser(['serviceman'], { orgs: { provider: providerOrgId } });
    await expectAppError(saveBillingProfile(await ctxFor(serviceman.id), { owner: 'provider', orgId: providerOrgId, ...gbDetails }), 'FORBIDDEN');
    const customerCtx = await ctxFor(customerId);
    await expectAppError(saveBillingProfile(customerCtx, { owner: 'enterprise', orgId: newId(), ...gbDetails }), 'FORBIDDEN');

    // Another customer cannot read someone else's invoice; a foreign org's list is not found.
    const b = await capturedBooking();
    const stranger = await makeUser(['customer']);
    await expectAppError(getBookingDocuments(await ctxFor(stranger.id), b.id), 'NOT_FOUND');
    await expectAppError(listInvoices(adminCtx, { providerOrgId: otherProvider }), 'NOT_FOUND');
    expect((await getBookingDocuments(adminCtx, b.id)).length).toBe(1);
    const finance = await makeUser(['finance']);
    expect((await getBookingDocuments(await ctxFor(finance.id), b.id)).length).toBe(1);
  });
});
