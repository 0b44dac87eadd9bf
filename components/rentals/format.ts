import type { BadgeTone } from '@/components/ui/badge';
import { formatMajor } from '@/lib/core/money';
import { statusLabels, type RentalStatus } from '@/lib/rentals/policy';

export const money = (minor: number | bigint, currency: string) => {
  const sym = currency === 'GBP' ? '£' : currency === 'EUR' ? '€' : currency === 'USD' ? '$' : '';
  const v = formatMajor(BigInt(minor), currency);
  return sym ? `${v.startsWith('-') ? '-' : ''}${sym}${v.replace(/^-/, '')}` : `${v} ${currency}`;
};
export const rentalStatusLabel = (s: string) => statusLabels[s as RentalStatus] ?? s.replace(/_/g, ' ');
export const rentalTone = (s: string): BadgeTone =>
  s === 'requested' || s === 'inspection_pending' ? 'warning' : s === 'disputed' || s === 'rejected' ? 'danger' : s === 'settled' ? 'success' : s === 'cancelled' ? 'neutral' : 'info';
export function when(iso: string | Date): string {
  return new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/London' }).format(new Date(iso));
}
export const conditionLabels = { new: 'New', good: 'Good', fair: 'Fair', worn: 'Worn', damaged: 'Damaged' } as const;
