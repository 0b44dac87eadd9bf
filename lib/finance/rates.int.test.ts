import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { commissionRules, fxRates, taxRates } from '@/db/schema';
import { seedFinance } from '@/db/seed/finance';
import { newId } from '@/lib/core/ids';
import { convert, money } from '@/lib/core/money';
import { makeCategory } from '@/lib/geo/test-geo-fixtures';
import { expectAppError } from '@/test/factories';
import { parseRateText } from './quote';
import { loadFxRate, loadQuoteRates, loadTaxRate, quoteBooking } from './rates';

const at = new Date('2026-03-01T12:00:00Z');
let cleaning: string;
let plumbing: string;

beforeAll(async () => {
  await db().transaction((tx) => seedFinance(tx));
  // Running the seed twice changes nothing (deterministic ids, upserts).
  await db().transaction((tx) => seedFinance(tx));
  cleaning = (await makeCategory()).id;
  plumbing = (await makeCategory()).id;
});

const base = { categoryId: '', bookingType: 'on_demand' as const, demandLevel: 'medium' as const, taxRegion: 'GB', providerCurrency: 'GBP', bookingCurrency: 'GBP', at };

describe('seeded defaults', () => {
  it('2.5 % service fee, 0 % commission, 20 % VAT, rate 1 within GBP', async () => {
    const r = await loadQuoteRates(db(), { ...base, categoryId: cleaning });
    expect(r).toMatchObject({ serviceFeeBp: 250, providerCommissionBp: 0, taxRateBp: 2000, fxRateText: '1', serviceFeeMinimumMinor: null });
    expect(r.serviceFeeRuleId).not.toBeNull();
  });

  it('12 % for scheduled bookings in high-demand zones only', async () => {
    expect((await loadQuoteRates(db(), { ...base, categoryId: cleaning, bookingType: 'scheduled', demandLevel: 'high' })).serviceFeeBp).toBe(1200);
    expect((await loadQuoteRates(db(), { ...base, categoryId: cleaning, bookingType: 'on_demand', demandLevel: 'high' })).serviceFeeBp).toBe(250);
    expect((await loadQuoteRates(db(), { ...base, categoryId: cleaning, bookingType: 'scheduled', demandLevel: 'low' })).serviceFeeBp).toBe(250);
  });

  it('nothing is in force before the effective date: a missing tax rate is an error naming the region', async () => {
    const err = await expectAppError(loadTaxRate(db(), 'GB', new Date('2025-12-31T23:59:59Z')), 'VALIDATION');
    expect(err.message).toMatch(/tax region GB/);
    expect(err.details.fieldErrors).toHaveProperty('taxRegion');
  });
});

describe('FX', () => {
  it('reads a configured pair and inverts it exactly the other way', async () => {
    const gbpEur = await loadFxRate(db(), 'GBP', 'EUR', at);
    expect(gbpEur.text).toBe('1.17');
    const eurGbp = await loadFxRate(db(), 'EUR', 'GBP', at);
    expect(eurGbp.rate).toEqual({ numerator: 100n, denominator: 117n });
    expect(eurGbp.text).toBe('100/117');
    expect(parseRateText(eurGbp.text)).toEqual(eurGbp.rate);
    // 117.00 EUR → exactly 100.00 GBP, no rounding drift through a decimal approximation.
    expect(convert(money(11_700n, 'EUR'), 'GBP', eurGbp.rate).amount).toBe(10_000n);
  });

  it('a direct rate wins over an inverse, and the newest effective row wins', async () => {
    await db()
      .insert(fxRates)
      .values([
        { id: newId(), base: 'USD', quote: 'GBP', rate: '0.8', effectiveFrom: new Date('2026-02-01T00:00:00Z') },
        { id: newId(), base: 'USD', quote: 'GBP', rate: '0.79', effectiveFrom: new Date('2026-02-15T00:00:00Z'), effectiveTo: new Date('2026-04-01T00:00:00Z') },
      ]);
    expect((await loadFxRate(db(), 'USD', 'GBP', at)).text).toBe('0.79');
    expect((await loadFxRate(db(), 'USD', 'GBP', new Date('2026-02-10T00:00:00Z'))).text).toBe('0.8');
    // After the newer row ends, the older open-ended one applies again.
    expect((await loadFxRate(db(), 'USD', 'GBP', new Date('2026-05-01T00:00:00Z'))).text).toBe('0.8');
    // Before either direct row: the inverse of GBP→USD 1.27.
    expect((await loadFxRate(db(), 'USD', 'GBP', new Date('2026-01-10T00:00:00Z'))).text).toBe('100/127');
  });

  it('a missing pair is an error naming the pair', async () => {
    const err = await expectAppError(loadFxRate(db(), 'GBP', 'JPY', at), 'VALIDATION');
    expect(err.message).toMatch(/GBP to JPY/);
    expect(err.details).toMatchObject({ pair: 'GBP/JPY', missing: 'fx_rate' });
    await expectAppError(loadQuoteRates(db(), { ...base, categoryId: cleaning, bookingCurrency: 'JPY' }), 'VALIDATION');
  });
});

describe('commission rule precedence', () => {
  it('priority beats specificity; specificity breaks ties; null columns match anything', async () => {
    const from = new Date('2026-02-01T00:00:00Z');
    await db()
      .insert(commissionRules)
      .values([
        // Same priority as the default (0) but specific to plumbing: more specific wins the tie.
        { id: newId(), kind: 'service_fee', name: 'Plumbing', categoryId: plumbing, priority: 0, rateBp: 500, effectiveFrom: from },
        // Higher priority, plumbing on demand, with a minimum fee in EUR.
        { id: newId(), kind: 'service_fee', name: 'Plumbing on demand', categoryId: plumbing, bookingType: 'on_demand', priority: 20, rateBp: 800, minFeeMinor: 1170n, minFeeCurrency: 'EUR', effectiveFrom: from },
        { id: newId(), kind: 'provider_commission', name: 'Pro plan', providerPlan: 'pro', priority: 5, rateBp: 1000, effectiveFrom: from },
        // Expired rule never applies.
        { id: newId(), kind: 'service_fee', name: 'Old promo', priority: 99, rateBp: 1, effectiveFrom: new Date('2026-01-01T00:00:00Z'), effectiveTo: new Date('2026-02-01T00:00:00Z') },
      ]);
    const scheduled = await loadQuoteRates(db(), { ...base, categoryId: plumbing, bookingType: 'scheduled' });
    expect(scheduled.serviceFeeBp).toBe(500);
    const onDemand = await loadQuoteRates(db(), { ...base, categoryId: plumbing });
    expect(onDemand.serviceFeeBp).toBe(800);
    // 11.70 EUR minimum → 10.00 GBP through the inverse of GBP→EUR 1.17.
    expect(onDemand.serviceFeeMinimumMinor).toBe(1000n);
    // Plans: a rule for a plan applies only to that plan.
    expect((await loadQuoteRates(db(), { ...base, categoryId: cleaning, providerPlan: 'pro' })).providerCommissionBp).toBe(1000);
    expect((await loadQuoteRates(db(), { ...base, categoryId: cleaning, providerPlan: 'basic' })).providerCommissionBp).toBe(0);
    expect((await loadQuoteRates(db(), { ...base, categoryId: cleaning })).providerCommissionBp).toBe(0);
    // The old promo was in force in January.
    expect((await loadQuoteRates(db(), { ...base, categoryId: cleaning, at: new Date('2026-01-15T00:00:00Z') })).serviceFeeBp).toBe(1);
  });

  it('a tax rate change takes effect at its date', async () => {
    await db().insert(taxRates).values({ id: newId(), region: 'GB', name: 'VAT (new)', rateBp: 2200, effectiveFrom: new Date('2026-06-01T00:00:00Z') });
    expect((await loadTaxRate(db(), 'GB', at)).rateBp).toBe(2000);
    expect((await loadTaxRate(db(), 'GB', new Date('2026-06-01T00:00:00Z'))).rateBp).toBe(2200);
  });
});

describe('quoteBooking', () => {
  it('quotes a GBP service in a EUR zone with the snapshotted rate', async () => {
    const q = await quoteBooking(db(), {
      service: { categoryId: cleaning, priceMinor: 10_000n, currency: 'GBP', taxInclusive: false },
      zone: { currency: 'EUR', taxRegion: 'GB', demandLevel: 'high' },
      bookingType: 'scheduled',
      at,
    });
    expect(q).toMatchObject({ currency: 'EUR', fxRate: '1.17', priceMinor: 11_700n, serviceFeeMinor: 1404n, taxRateBp: 2000 });
    expect(q.taxMinor).toBe(2340n + 281n);
    expect(q.totalMinor).toBe(11_700n + 1404n + 2621n);
    expect(q.serviceFeeRuleId).not.toBeNull();
  });

  it('a zone whose tax region has no rate cannot be quoted', async () => {
    const err = await expectAppError(
      quoteBooking(db(), {
        service: { categoryId: cleaning, priceMinor: 10_000n, currency: 'GBP', taxInclusive: true },
        zone: { currency: 'GBP', taxRegion: 'FR', demandLevel: 'low' },
        bookingType: 'on_demand',
        at,
      }),
      'VALIDATION',
    );
    expect(err.message).toMatch(/FR/);
  });
});
