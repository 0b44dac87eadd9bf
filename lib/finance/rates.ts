/**
 * Rate lookup for quotes: FX rates, tax rates and commission rules, each effective at an instant.
 * A currency pair or tax region without a configured rate is an error naming what is missing —
 * never a silent default (DOMAIN.md "Money").
 */
import { and, desc, eq, gt, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { commissionRules, fxRates, taxRates } from '@/db/schema';
import { AppError } from '@/lib/core/errors';
import { assertCurrency, convert, money, parseRate, toMinor, type Rate } from '@/lib/core/money';
import { formatRateText, quote, type Quote } from './quote';

export type BookingType = 'on_demand' | 'scheduled';
export type DemandLevel = 'high' | 'medium' | 'low';

const ONE: Rate = Object.freeze({ numerator: 1n, denominator: 1n });

/** Rows in force at `at`: effectiveFrom ≤ at < effectiveTo (open-ended when null). */
function effectiveAt(from: typeof fxRates.effectiveFrom | typeof taxRates.effectiveFrom | typeof commissionRules.effectiveFrom, to: typeof fxRates.effectiveTo | typeof taxRates.effectiveTo | typeof commissionRules.effectiveTo, at: Date): SQL {
  return and(lte(from, at), or(isNull(to), gt(to, at)))!;
}

async function directRate(ex: Executor, base: string, quoteCcy: string, at: Date): Promise<string | null> {
  const [row] = await ex
    .select({ rate: fxRates.rate })
    .from(fxRates)
    .where(and(eq(fxRates.base, base), eq(fxRates.quote, quoteCcy), effectiveAt(fxRates.effectiveFrom, fxRates.effectiveTo, at)))
    .orderBy(desc(fxRates.effectiveFrom), desc(fxRates.id))
    .limit(1);
  return row?.rate ?? null;
}

/**
 * Units of `to` per one unit of `from`, effective at `at`. A configured from→to rate wins; else a
 * to→from rate is inverted exactly (numerator and denominator swapped, no rounding).
 */
export async function loadFxRate(ex: Executor, from: string, to: string, at: Date): Promise<{ rate: Rate; text: string }> {
  assertCurrency(from);
  assertCurrency(to);
  if (from === to) return { rate: ONE, text: '1' };
  const direct = await directRate(ex, from, to, at);
  if (direct !== null) {
    const rate = parseRate(normaliseNumeric(direct));
    return { rate, text: formatRateText(rate) };
  }
  const inverse = await directRate(ex, to, from, at);
  if (inverse !== null) {
    const r = parseRate(normaliseNumeric(inverse));
    const rate = Object.freeze({ numerator: r.denominator, denominator: r.numerator });
    return { rate, text: formatRateText(rate) };
  }
  throw new AppError('VALIDATION', `No exchange rate from ${from} to ${to} is configured for ${at.toISOString()}.`, {
    fieldErrors: { currency: [`has no exchange rate ${from}→${to}`] },
    missing: 'fx_rate',
    pair: `${from}/${to}`,
  });
}

/** numeric(20,10) arrives as "1.1700000000"; parseRate wants a plain decimal (it reduces anyway). */
function normaliseNumeric(value: string): string {
  return value.includes('.') ? value.replace(/\.?0+$/, '') || '0' : value;
}

export async function loadTaxRate(ex: Executor, region: string, at: Date): Promise<{ rateBp: number; name: string; id: string }> {
  const [row] = await ex
    .select({ id: taxRates.id, rateBp: taxRates.rateBp, name: taxRates.name })
    .from(taxRates)
    .where(and(eq(taxRates.region, region), effectiveAt(taxRates.effectiveFrom, taxRates.effectiveTo, at)))
    .orderBy(desc(taxRates.effectiveFrom), desc(taxRates.id))
    .limit(1);
  if (!row) {
    throw new AppError('VALIDATION', `No tax rate is configured for tax region ${region} at ${at.toISOString()}.`, {
      fieldErrors: { taxRegion: [`has no tax rate for ${region}`] },
      missing: 'tax_rate',
      region,
    });
  }
  return row;
}

export interface RuleQuery {
  categoryId: string;
  bookingType: BookingType;
  demandLevel: DemandLevel;
  providerPlan?: string;
  at: Date;
}

/**
 * The rule of `kind` that applies: among the rules in force whose every set column matches (null
 * = any), the highest priority wins; ties go to the more specific rule, then the newer one, then
 * the id, so the answer is deterministic.
 */
export async function applicableRule(ex: Executor, kind: 'service_fee' | 'provider_commission', q: RuleQuery) {
  const r = commissionRules;
  const specificity = sql<number>`(case when ${r.categoryId} is null then 0 else 1 end + case when ${r.bookingType} is null then 0 else 1 end + case when ${r.demandLevel} is null then 0 else 1 end + case when ${r.providerPlan} is null then 0 else 1 end)`;
  const [row] = await ex
    .select({ id: r.id, rateBp: r.rateBp, minFeeMinor: r.minFeeMinor, minFeeCurrency: r.minFeeCurrency, priority: r.priority, name: r.name })
    .from(r)
    .where(
      and(
        eq(r.kind, kind),
        effectiveAt(r.effectiveFrom, r.effectiveTo, q.at),
        or(isNull(r.categoryId), eq(r.categoryId, q.categoryId)),
        or(isNull(r.bookingType), eq(r.bookingType, q.bookingType)),
        or(isNull(r.demandLevel), eq(r.demandLevel, q.demandLevel)),
        q.providerPlan === undefined ? isNull(r.providerPlan) : or(isNull(r.providerPlan), eq(r.providerPlan, q.providerPlan)),
      ),
    )
    .orderBy(desc(r.priority), desc(specificity), desc(r.effectiveFrom), desc(r.id))
    .limit(1);
  return row ?? null;
}

export interface QuoteRates {
  fxRate: Rate;
  fxRateText: string;
  serviceFeeBp: number;
  /** In the BOOKING currency (a minimum configured in another currency is converted at `at`). */
  serviceFeeMinimumMinor: bigint | null;
  serviceFeeRuleId: string | null;
  taxRateBp: number;
  providerCommissionBp: number;
}

export async function loadQuoteRates(
  ex: Executor,
  q: RuleQuery & { taxRegion: string; providerCurrency: string; bookingCurrency: string },
): Promise<QuoteRates> {
  const fx = await loadFxRate(ex, q.providerCurrency, q.bookingCurrency, q.at);
  const tax = await loadTaxRate(ex, q.taxRegion, q.at);
  const fee = await applicableRule(ex, 'service_fee', q);
  const commission = await applicableRule(ex, 'provider_commission', q);
  let minimum: bigint | null = null;
  if (fee?.minFeeMinor != null && fee.minFeeCurrency) {
    const minFeeCurrency = fee.minFeeCurrency.trim();
    const minFx = await loadFxRate(ex, minFeeCurrency, q.bookingCurrency, q.at);
    minimum = convert(money(fee.minFeeMinor, minFeeCurrency), q.bookingCurrency, minFx.rate).amount;
  }
  return {
    fxRate: fx.rate,
    fxRateText: fx.text,
    // No service-fee rule configured means the platform charges no fee (a deliberate, visible 0 %).
    serviceFeeBp: fee?.rateBp ?? 0,
    serviceFeeMinimumMinor: minimum,
    serviceFeeRuleId: fee?.id ?? null,
    taxRateBp: tax.rateBp,
    // DOMAIN.md: provider commission defaults to 0 % when no rule applies.
    providerCommissionBp: commission?.rateBp ?? 0,
  };
}

export interface QuotableService {
  categoryId: string;
  priceMinor: bigint | string | number;
  currency: string;
  taxInclusive: boolean;
}

export interface QuotableZone {
  currency: string;
  taxRegion: string;
  demandLevel: DemandLevel;
}

/** Loads the rates in force at `at` and quotes the service for a booking in the zone's currency. */
export async function quoteBooking(
  ex: Executor,
  args: { service: QuotableService; zone: QuotableZone; bookingType: BookingType; at: Date; providerPlan?: string },
): Promise<Quote & { serviceFeeRuleId: string | null }> {
  const providerCurrency = args.service.currency.trim();
  const bookingCurrency = args.zone.currency.trim();
  const rates = await loadQuoteRates(ex, {
    categoryId: args.service.categoryId,
    bookingType: args.bookingType,
    demandLevel: args.zone.demandLevel,
    taxRegion: args.zone.taxRegion,
    providerCurrency,
    bookingCurrency,
    providerPlan: args.providerPlan,
    at: args.at,
  });
  const q = quote({
    providerPriceMinor: toMinor(args.service.priceMinor),
    providerCurrency,
    taxInclusive: args.service.taxInclusive,
    bookingCurrency,
    fxRate: rates.fxRate,
    serviceFeeBp: rates.serviceFeeBp,
    serviceFeeMinimumMinor: rates.serviceFeeMinimumMinor,
    taxRateBp: rates.taxRateBp,
    providerCommissionBp: rates.providerCommissionBp,
  });
  return { ...q, fxRate: rates.fxRateText, serviceFeeRuleId: rates.serviceFeeRuleId };
}
