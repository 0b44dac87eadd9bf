/** Display helpers for the finance screens (client-safe). */
export { formatMinor } from '@/components/explorer/format';

const kindLabels: Record<string, string> = {
  gateway_clearing: 'Gateway clearing',
  refunds: 'Refunds',
  escrow: 'Escrow',
  provider_pending: 'Provider pending',
  provider_payable: 'Provider payable',
  provider_paid: 'Provider paid',
  platform_fees: 'Platform fees',
  tax_payable: 'Tax payable',
  customer: 'Customer',
};

export function accountKindLabel(kind: string): string {
  return kindLabels[kind] ?? kind.replace(/_/g, ' ');
}

/** Ledger transaction kinds ("booking.release") as words. */
export function transactionKindLabel(kind: string): string {
  const last = kind.split(/[.:]/).pop() ?? kind;
  return last.charAt(0).toUpperCase() + last.slice(1).replace(/_/g, ' ');
}
