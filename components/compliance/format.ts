import type { BadgeTone } from '@/components/ui/badge';

export type DocStateKey = 'valid' | 'missing' | 'under_review' | 'rejected' | 'expired';

export const docStateLabel: Record<DocStateKey, string> = {
  valid: 'Valid',
  missing: 'Missing',
  under_review: 'Under review',
  rejected: 'Rejected',
  expired: 'Expired',
};

export const docStateTone: Record<DocStateKey, BadgeTone> = {
  valid: 'success',
  missing: 'neutral',
  under_review: 'info',
  rejected: 'danger',
  expired: 'warning',
};

export const docStatusLabel: Record<string, string> = { submitted: 'Under review', approved: 'Approved', rejected: 'Rejected', expired: 'Expired' };
export const docStatusTone: Record<string, BadgeTone> = { submitted: 'info', approved: 'success', rejected: 'danger', expired: 'warning' };

export const sellerLabel: Record<string, string> = { approved: 'Approved seller', pending_documents: 'Documents needed', suspended: 'Suspended', complete: 'Complete' };
export const sellerTone: Record<string, BadgeTone> = { approved: 'success', pending_documents: 'warning', suspended: 'danger', complete: 'success' };

const dayFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
/** A calendar date (YYYY-MM-DD) as "12 Mar 2027"; it is a date, not an instant, so no zone shift. */
export const formatDay = (ymd: string | null) => (ymd ? dayFormat.format(new Date(`${ymd.slice(0, 10)}T00:00:00Z`)) : '—');

export const daysUntil = (ymd: string, todayYmd: string) => Math.round((Date.parse(`${ymd}T00:00:00Z`) - Date.parse(`${todayYmd}T00:00:00Z`)) / 86_400_000);
