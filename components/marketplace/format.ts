/** Client-safe display helpers for the marketplace. */
import { formatMinor } from '@/components/explorer/format';
import type { BadgeTone } from '@/components/ui/badge';
import type { ListingStatus, OrderStatus } from '@/lib/marketplace/policy';

export { formatMinor };
export { kindLabels, statusLabels, orderStatusLabels } from '@/lib/marketplace/policy';

export const photoUrl = (fileId: string) => `/api/v1/marketplace/photos/${fileId}`;

export const listingTone: Record<ListingStatus, BadgeTone> = { draft: 'neutral', pending_review: 'info', approved: 'success', rejected: 'danger', suspended: 'warning' };
export const orderTone: Record<OrderStatus, BadgeTone> = { paid: 'info', fulfilled: 'success', collected: 'success', refunded: 'neutral' };

export function formatRating(x100: number | null, count: number): string {
  if (x100 == null || count === 0) return 'No reviews yet';
  return `${(x100 / 100).toFixed(1)} ★ (${count} review${count === 1 ? '' : 's'})`;
}

export function formatDate(iso: string): string {
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' }).format(new Date(iso));
}
