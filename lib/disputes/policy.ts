/**
 * Pure dispute rules (DOMAIN.md "Custom jobs, bidding, disputes"): who may open when, the dispute's
 * own status table, the deadlines and the refund bounds of each outcome. No database, no clock:
 * callers pass `at`. Client-safe (the screens validate with the same functions).
 */
import { AppError } from '@/lib/core/errors';

/** A dispute opens while the work is in progress or this long after completion (the dispute window). */
export const DISPUTE_OPEN_WINDOW_DAYS = 7;
/** The other party's time to respond, from opening. */
export const RESPONSE_DAYS = 3;
/** The responder is reminded this long before the response deadline. */
export const RESPONSE_REMINDER_HOURS = 24;
/** One appeal, by either party, this long after the resolution. */
export const APPEAL_WINDOW_DAYS = 7;
export const MIN_REASON_CHARS = 20;
export const MAX_EVIDENCE_FILES = 6;

export const reasonCodes = ['quality', 'no_show', 'damage', 'billing', 'other'] as const;
export type ReasonCode = (typeof reasonCodes)[number];
export const reasonLabels: Record<ReasonCode, string> = {
  quality: 'Quality of the work',
  no_show: 'No-show or late',
  damage: 'Damage to property',
  billing: 'Billing or price',
  other: 'Something else',
};

export const disputeStatuses = ['awaiting_response', 'under_review', 'resolved', 'appealed', 'withdrawn'] as const;
export type DisputeStatus = (typeof disputeStatuses)[number];
export const outcomes = ['full_refund', 'partial_refund', 'no_refund', 'release'] as const;
export type Outcome = (typeof outcomes)[number];
export type Party = 'customer' | 'provider' | 'operations';

export const statusLabels: Record<DisputeStatus, string> = {
  awaiting_response: 'Awaiting response',
  under_review: 'Under review',
  resolved: 'Resolved',
  appealed: 'Appealed',
  withdrawn: 'Withdrawn',
};
export const outcomeLabels: Record<Outcome, string> = {
  full_refund: 'Full refund',
  partial_refund: 'Partial refund',
  no_refund: 'No refund',
  release: 'Payment released to the provider',
};

/** The ONE status table of a dispute. A live dispute is awaiting_response, under_review or appealed. */
const table: Record<DisputeStatus, DisputeStatus[]> = {
  awaiting_response: ['under_review', 'withdrawn'],
  under_review: ['resolved', 'withdrawn'],
  resolved: ['appealed'],
  appealed: ['resolved'],
  withdrawn: [],
};
export const liveStatuses: readonly DisputeStatus[] = ['awaiting_response', 'under_review', 'appealed'];

export function canMoveDispute(from: DisputeStatus, to: DisputeStatus): boolean {
  return table[from]?.includes(to) ?? false;
}

const label = (s: string) => s.replace(/_/g, ' ');

/** 409 naming both states, e.g. "A dispute that is resolved cannot become withdrawn." */
export function assertDisputeMove(from: DisputeStatus, to: DisputeStatus): void {
  if (!canMoveDispute(from, to)) throw new AppError('CONFLICT', `A dispute that is ${label(from)} cannot become ${label(to)}.`, { from, to });
}

const DAY = 86_400_000;

/** Why a booking cannot be disputed at `at`, or null when it can. */
export function openRefusal(b: { status: string; completedAt: Date | null }, at: Date): string | null {
  if (b.status === 'in_progress') return null;
  if (b.status === 'completed') {
    if (!b.completedAt) return 'This booking has no completion time.';
    if (at.getTime() - b.completedAt.getTime() > DISPUTE_OPEN_WINDOW_DAYS * DAY) {
      return `The dispute window closed ${DISPUTE_OPEN_WINDOW_DAYS} days after completion.`;
    }
    return null;
  }
  if (b.status === 'disputed') return 'This booking is already under dispute.';
  return `A booking that is ${label(b.status)} cannot be disputed: disputes open while the work is in progress or within ${DISPUTE_OPEN_WINDOW_DAYS} days of completion.`;
}

export const responseDueAt = (openedAt: Date) => new Date(openedAt.getTime() + RESPONSE_DAYS * DAY);
export const reminderAt = (dueAt: Date) => new Date(dueAt.getTime() - RESPONSE_REMINDER_HOURS * 3_600_000);
export const appealClosesAt = (resolvedAt: Date) => new Date(resolvedAt.getTime() + APPEAL_WINDOW_DAYS * DAY);

/**
 * The refund an outcome means (minor units of the booking currency), or the field error. A full
 * refund returns what is still refundable (`refundable`, usually the amount).
 */
export function refundFor(outcome: Outcome, amountMinor: bigint, refundMinor: bigint | null | undefined, refundable = amountMinor): { refundMinor: bigint } | { error: string } {
  switch (outcome) {
    case 'full_refund':
      return { refundMinor: refundable < amountMinor ? refundable : amountMinor };
    case 'partial_refund':
      if (refundMinor === null || refundMinor === undefined) return { error: 'is required for a partial refund' };
      if (refundMinor <= 0n || refundMinor >= amountMinor) return { error: `must be more than 0 and less than ${amountMinor} minor units` };
      if (refundMinor > refundable) return { error: `must not exceed the ${refundable} minor units still refundable` };
      return { refundMinor };
    case 'no_refund':
    case 'release':
      if (refundMinor) return { error: 'must be empty: this outcome refunds nothing' };
      return { refundMinor: 0n };
  }
}

/** The booking status after a resolution: a full refund cancels it, anything else completes it. */
export const bookingStatusAfter = (outcome: Outcome): 'completed' | 'cancelled' => (outcome === 'full_refund' ? 'cancelled' : 'completed');
