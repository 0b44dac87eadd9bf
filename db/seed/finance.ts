import { sql } from 'drizzle-orm';
import type { Tx } from '../client';
import { commissionRules, fxRates, taxRates } from '../schema';
import { seedId } from './ids';

/** All seeded money configuration takes effect from the start of 2026 (UTC). */
export const FINANCE_EFFECTIVE_FROM = new Date('2026-01-01T00:00:00Z');

export const financeSeedIds = {
  serviceFeeDefault: seedId('commission:service_fee:default'),
  serviceFeeScheduledHighDemand: seedId('commission:service_fee:scheduled-high-demand'),
  providerCommissionDefault: seedId('commission:provider_commission:default'),
  vatGb: seedId('tax:GB:standard'),
  fxGbpEur: seedId('fx:GBP:EUR'),
  fxGbpUsd: seedId('fx:GBP:USD'),
};

/**
 * The money defaults of DOMAIN.md: service fee 2.5 %, 12 % for scheduled bookings in high-demand
 * zones (higher priority), provider commission 0 %, GB VAT 20 %, EUR 1.17 and USD 1.27 per GBP.
 * Deterministic ids; a re-run restores these values (operations edit by adding new dated rows).
 */
export async function seedFinance(tx: Tx): Promise<void> {
  const from = FINANCE_EFFECTIVE_FROM;
  await tx
    .insert(commissionRules)
    .values([
      { id: financeSeedIds.serviceFeeDefault, kind: 'service_fee', name: 'Service fee', priority: 0, rateBp: 250, effectiveFrom: from },
      {
        id: financeSeedIds.serviceFeeScheduledHighDemand,
        kind: 'service_fee',
        name: 'Service fee — scheduled, high demand',
        bookingType: 'scheduled',
        demandLevel: 'high',
        priority: 10,
        rateBp: 1200,
        effectiveFrom: from,
      },
      { id: financeSeedIds.providerCommissionDefault, kind: 'provider_commission', name: 'Provider commission', priority: 0, rateBp: 0, effectiveFrom: from },
    ])
    .onConflictDoUpdate({
      target: commissionRules.id,
      set: { name: sql`excluded.name`, rateBp: sql`excluded.rate_bp`, priority: sql`excluded.priority`, bookingType: sql`excluded.booking_type`, demandLevel: sql`excluded.demand_level`, effectiveFrom: sql`excluded.effective_from` },
    });
  await tx
    .insert(taxRates)
    .values([{ id: financeSeedIds.vatGb, region: 'GB', name: 'VAT', rateBp: 2000, effectiveFrom: from }])
    .onConflictDoUpdate({ target: taxRates.id, set: { name: sql`excluded.name`, rateBp: sql`excluded.rate_bp`, effectiveFrom: sql`excluded.effective_from` } });
  await tx
    .insert(fxRates)
    .values([
      { id: financeSeedIds.fxGbpEur, base: 'GBP', quote: 'EUR', rate: '1.17', effectiveFrom: from },
      { id: financeSeedIds.fxGbpUsd, base: 'GBP', quote: 'USD', rate: '1.27', effectiveFrom: from },
    ])
    .onConflictDoUpdate({ target: fxRates.id, set: { rate: sql`excluded.rate`, effectiveFrom: sql`excluded.effective_from` } });
}
