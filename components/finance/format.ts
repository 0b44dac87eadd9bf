/** Display helpers for the finance screens (client-safe). */
import type { LedgerAccountKind } from '@/lib/finance/ledger';

export { formatMinor } from '@/components/explorer/format';

// Every account kind has a label: a new kind fails the type check until it gets one.
const kindLabels: Record<LedgerAccountKind, string> = {
  gateway_clearing: 'Gateway clearing',
  refunds: 'Refunds',
  escrow: 'Escrow',
  provider_pending: 'Provider pending',
  provider_payable: 'Provider payable',
  provider_paid: 'Provider paid',
  platform_fees: 'Platform fees',
  tax_payable: 'Tax payable',
  customer: 'Customer',
  deposit_holds: 'Deposit holds',
};

export function accountKindLabel(kind: string): string {
  return kindLabels[kind as LedgerAccountKind] ?? kind.replace(/_/g, ' ');
}

/** Ledger transaction kinds ("booking.release") as words. */
export function transactionKindLabel(kind: string): string {
  const last = kind.split(/[.:]/).pop() ?? kind;
  return last.charAt(0).toUpperCase() + last.slice(1).replace(/_/g, ' ');
}
