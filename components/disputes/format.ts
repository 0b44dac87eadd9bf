import type { BadgeTone } from '@/components/ui/badge';
import { outcomeLabels, reasonLabels, statusLabels, type DisputeStatus, type Outcome, type ReasonCode } from '@/lib/disputes/policy';

export const disputeStatusLabel = (s: string) => statusLabels[s as DisputeStatus] ?? s.replace(/_/g, ' ');
export const outcomeLabel = (s: string | null) => (s ? (outcomeLabels[s as Outcome] ?? s.replace(/_/g, ' ')) : '—');
export const reasonLabel = (s: string) => reasonLabels[s as ReasonCode] ?? s;
export const disputeTone = (s: string): BadgeTone =>
  s === 'awaiting_response' ? 'warning' : s === 'under_review' || s === 'appealed' ? 'info' : s === 'resolved' ? 'success' : 'neutral';

const eventText: Record<string, string> = {
  opened: 'Dispute opened',
  responded: 'Response received',
  evidence_added: 'Evidence added',
  evidence_internal: 'Evidence marked internal',
  evidence_shared: 'Evidence shared with the parties',
  review_started: 'Review started',
  reminder_sent: 'Response reminder sent',
  deadline_missed: 'Response deadline missed',
  resolved: 'Resolved',
  appealed: 'Appealed',
  appeal_assigned: 'Appeal sent to a second reviewer',
  appeal_resolved: 'Appeal resolved',
  withdrawn: 'Withdrawn',
};
export const eventLabel = (k: string) => eventText[k] ?? k.replace(/_/g, ' ');
export const partyLabel = (p: string | null) => (p === 'customer' ? 'Customer' : p === 'provider' ? 'Provider' : p === 'operations' ? 'Fixnado operations' : 'Fixnado');

export function formatWhen(iso: string): string {
  return new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/London' }).format(new Date(iso));
}
