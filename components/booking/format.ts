/** Client-safe display helpers for bookings: money from minor units, times always with their zone. */
import type { BadgeTone } from '@/components/ui/badge';

export { formatMinor } from '@/components/explorer/format';

/** "Mon 1 Jun 2026, 09:00 BST" in the given IANA zone. */
export function formatInZone(iso: string, timeZone: string, opts: { withDate?: boolean } = {}): string {
  const withDate = opts.withDate ?? true;
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    ...(withDate ? { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' } : {}),
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(new Date(iso));
}

/** "09:00" in the zone (slot buttons sit under a heading that names the zone). */
export function timeInZone(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
}

/** "Monday 1 June" for a YYYY-MM-DD calendar date (already a date of the zone). */
export function formatLocalDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long' }).format(new Date(Date.UTC(y, m - 1, d)));
}

const statusText: Record<string, string> = {
  pending: 'Pending',
  awaiting_assignment: 'Finding a crew',
  scheduled: 'Scheduled',
  in_progress: 'In progress',
  completed: 'Completed',
  cancelled: 'Cancelled',
  disputed: 'Disputed',
};

const statusTone: Record<string, BadgeTone> = {
  pending: 'warning',
  awaiting_assignment: 'info',
  scheduled: 'info',
  in_progress: 'info',
  completed: 'success',
  cancelled: 'neutral',
  disputed: 'danger',
};

export const statusLabel = (s: string) => statusText[s] ?? s.replace(/_/g, ' ');
export const statusBadgeTone = (s: string): BadgeTone => statusTone[s] ?? 'neutral';

/** Statuses after which the customer's payment has been captured (the check-in captures it). */
export const CAPTURED_STATUSES = new Set(['in_progress', 'completed', 'disputed']);

export const TEST_CARDS = [
  { id: 'pm_card_visa', label: 'Visa ending 4242', hint: 'Test card: payment succeeds' },
  { id: 'pm_card_chargeDeclined', label: 'Visa ending 0002', hint: 'Test card: the bank declines' },
  { id: 'pm_card_authenticationRequired', label: 'Visa ending 3184', hint: 'Test card: asks for 3-D Secure confirmation' },
] as const;
