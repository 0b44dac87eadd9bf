/**
 * Demo payout details for the demo provider: a UK account on the test gateway, paid weekly on
 * Mondays. Re-runnable (upsert by provider). No payouts are seeded: the demo data holds no
 * payable money (payouts only ever move real ledger balances).
 */
import type { Tx } from '@/db/client';
import { payoutAccounts } from '@/db/schema';
import { seedId } from '@/db/seed/ids';
import { bankIdentifier, bankLast4, type BankDetails } from '@/lib/payments/bank-details';
import { testDestinationRef } from '@/lib/payments/test-gateway';

export async function seedPayouts(tx: Tx): Promise<void> {
  const providerOrgId = seedId('org:provider');
  const details: BankDetails = { kind: 'gb', sortCode: '200000', accountNumber: '55779911' };
  const values = {
    accountHolder: 'Thames Home Services Ltd',
    country: 'GB',
    currency: 'GBP',
    bankIdentifier: bankIdentifier(details),
    accountLast4: bankLast4(details),
    gateway: 'test',
    destinationRef: testDestinationRef(details, providerOrgId),
    schedule: 'weekly' as const,
    weeklyDay: 1,
    monthlyDay: 1,
    minimumPayoutMinor: 2_000n,
  };
  await tx.insert(payoutAccounts).values({ providerOrgId, ...values }).onConflictDoNothing({ target: payoutAccounts.providerOrgId });
}
