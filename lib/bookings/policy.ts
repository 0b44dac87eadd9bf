/**
 * Pure booking rules (DOMAIN.md "Bookings"): the ONE transition table, the cancellation policy and
 * the SLA timings. No database, no clock: callers pass `at`. Client-safe.
 */
import { AppError } from '@/lib/core/errors';
import { applyBasisPoints } from '@/lib/core/money';

export const bookingStatuses = ['pending', 'awaiting_assignment', 'scheduled', 'in_progress', 'completed', 'cancelled', 'disputed'] as const;
export type BookingStatus = (typeof bookingStatuses)[number];
export type BookingType = 'on_demand' | 'scheduled';

/**
 * from → allowed targets. `onDemandOnly` targets are legal only for on-demand bookings (the crew
 * of an ASAP job may arrive before anyone marked it scheduled).
 * - pending: created, payment hold or provider confirmation outstanding;
 * - awaiting_assignment: paid for, no crew yet (on demand);
 * - scheduled: crew confirmed for a window;
 * - in_progress: checked in; completed: done (a dispute may still open inside the window);
 * - disputed: back to in_progress (redo), or a resolution — completed (release / partial refund)
 *   or cancelled (full refund);
 * - cancelled: terminal. Completed is terminal for everything except a dispute.
 */
const table: Record<BookingStatus, { to: BookingStatus[]; onDemandOnly?: BookingStatus[] }> = {
  pending: { to: ['awaiting_assignment', 'scheduled', 'cancelled'] },
  awaiting_assignment: { to: ['scheduled', 'cancelled'], onDemandOnly: ['in_progress'] },
  scheduled: { to: ['in_progress', 'cancelled'] },
  in_progress: { to: ['completed', 'cancelled', 'disputed'] },
  completed: { to: ['disputed'] },
  disputed: { to: ['in_progress', 'completed', 'cancelled'] },
  cancelled: { to: [] },
};

/** States in which a booking still holds (or waits for) a crew and can be cancelled. */
export const activeStatuses: readonly BookingStatus[] = ['pending', 'awaiting_assignment', 'scheduled', 'in_progress', 'disputed'];
export const terminalStatuses: readonly BookingStatus[] = ['completed', 'cancelled'];

export function canTransition(from: BookingStatus, to: BookingStatus, type?: BookingType): boolean {
  const row = table[from];
  if (!row) return false;
  if (row.to.includes(to)) return true;
  // Without a type the on-demand-only edges are allowed (the caller checks the type itself).
  return !!row.onDemandOnly?.includes(to) && type !== 'scheduled';
}

const label = (s: BookingStatus) => s.replace(/_/g, ' ');

/** 409 naming both states, e.g. "A booking that is cancelled cannot become scheduled". */
export function assertTransition(from: BookingStatus, to: BookingStatus, type?: BookingType): void {
  if (!canTransition(from, to, type)) {
    throw new AppError('CONFLICT', `A booking that is ${label(from)} cannot become ${label(to)}.`, { from, to });
  }
}

// ---- cancellation -------------------------------------------------------------------------------

export interface CancellationPolicy {
  /** Free for this many minutes after creation, whatever else applies. */
  freeMinutesAfterCreation: number;
  /** Scheduled: free until this many hours before the start. */
  freeHoursBeforeStart: number;
  /** Fee inside the window, basis points of the booking total (half-up). */
  feeBp: number;
}

/** DOMAIN.md platform default. A provider may tighten it only within `policyBounds`. */
export const platformCancellationPolicy: Readonly<CancellationPolicy> = Object.freeze({ freeMinutesAfterCreation: 15, freeHoursBeforeStart: 6, feeBp: 1000 });

/** How far a provider may tighten the default (never looser than the platform's promise). */
export const policyBounds = Object.freeze({ minFreeMinutesAfterCreation: 15, maxFreeHoursBeforeStart: 48, maxFeeBp: 5000 });

export interface FeeBooking {
  type: BookingType;
  status: BookingStatus;
  createdAt: Date;
  startsAt: Date | null;
  totalMinor: bigint;
  /** A crew is assigned (on-demand bookings are free to cancel until then). */
  assigned: boolean;
}

export interface FeeResult {
  feeMinor: bigint;
  free: boolean;
  reason: string;
}

const MINUTE = 60_000;

/**
 * The fee the CUSTOMER pays to cancel at `at`. Boundaries are inclusive in the customer's favour:
 * exactly 15 minutes after creation is still free, exactly 6 hours before the start is still free.
 * The fee is one half-up rounding of total × feeBp, so it never exceeds the total.
 */
export function cancellationFee(input: { booking: FeeBooking; at: Date; policy?: CancellationPolicy }): FeeResult {
  const { booking, at } = input;
  const policy = input.policy ?? platformCancellationPolicy;
  const free = (reason: string): FeeResult => ({ feeMinor: 0n, free: true, reason });
  if (booking.status === 'pending') return free('Nothing has been confirmed yet, so cancelling is free.');
  if (at.getTime() - booking.createdAt.getTime() <= policy.freeMinutesAfterCreation * MINUTE) {
    return free(`Free within ${policy.freeMinutesAfterCreation} minutes of booking.`);
  }
  const fee = (reason: string): FeeResult => {
    const feeMinor = applyBasisPoints(booking.totalMinor, policy.feeBp);
    return { feeMinor: feeMinor > booking.totalMinor ? booking.totalMinor : feeMinor, free: false, reason };
  };
  const pct = `${policy.feeBp / 100} %`;
  if (booking.type === 'on_demand') {
    if (!booking.assigned) return free('Free until a crew is assigned.');
    return fee(`A crew is already assigned: the fee is ${pct} of the total.`);
  }
  if (!booking.startsAt) return free('No start time is set yet.');
  if (booking.startsAt.getTime() - at.getTime() >= policy.freeHoursBeforeStart * 60 * MINUTE) {
    return free(`Free until ${policy.freeHoursBeforeStart} hours before the start.`);
  }
  return fee(`Less than ${policy.freeHoursBeforeStart} hours before the start: the fee is ${pct} of the total.`);
}

/** A provider's tighter policy, refused when it would be looser than the platform's or absurd. */
export function tightenPolicy(p: Partial<CancellationPolicy>): CancellationPolicy {
  const out = { ...platformCancellationPolicy, ...p };
  if (out.freeMinutesAfterCreation < policyBounds.minFreeMinutesAfterCreation || out.freeMinutesAfterCreation > platformCancellationPolicy.freeMinutesAfterCreation) {
    throw new AppError('VALIDATION', 'The free period after booking cannot change.', { fieldErrors: { freeMinutesAfterCreation: ['must stay 15 minutes'] } });
  }
  if (out.freeHoursBeforeStart < platformCancellationPolicy.freeHoursBeforeStart || out.freeHoursBeforeStart > policyBounds.maxFreeHoursBeforeStart) {
    throw new AppError('VALIDATION', 'The free window must be between 6 and 48 hours.', { fieldErrors: { freeHoursBeforeStart: ['must be between 6 and 48 hours'] } });
  }
  if (out.feeBp < 0 || out.feeBp > policyBounds.maxFeeBp || !Number.isInteger(out.feeBp)) {
    throw new AppError('VALIDATION', 'The fee must be between 0 % and 50 %.', { fieldErrors: { feeBp: ['must be between 0 and 5000 basis points'] } });
  }
  return out;
}

/**
 * A reschedule obeys the same window: it is allowed exactly when cancelling would be free (moving
 * a job inside the fee window would otherwise dodge the fee). Inside the window the customer may
 * still cancel, paying the fee.
 */
export function canReschedule(input: { booking: FeeBooking; at: Date; policy?: CancellationPolicy }): FeeResult {
  return cancellationFee(input);
}

// ---- SLA timings ----------------------------------------------------------------------------------

/** Scheduled jobs: the crew counts as late this long after the booked start. */
export const SCHEDULED_ARRIVAL_GRACE_MINUTES = 30;
/** An unconfirmed payment (3-D Secure etc.) holds the slot this long (RELIABILITY F8). */
export const PAYMENT_HOLD_MINUTES = 30;
/** On-demand: a serviceman has this long to accept an offer before it goes to the next one. */
export const OFFER_TIMEOUT_MINUTES = 5;
/** A crew no-show can be reported this long after the booked start. */
export const CREW_NO_SHOW_AFTER_MINUTES = 30;

export interface Sla {
  acceptanceOnDemandMinutes: number;
  acceptanceScheduledMinutes: number;
  arrivalMinutes: number;
  completionMinutes: number;
}

const addMinutes = (d: Date, m: number) => new Date(d.getTime() + m * MINUTE);

/** Acceptance counts from creation for both types (DOMAIN.md). */
export function acceptanceDueAt(type: BookingType, createdAt: Date, sla: Sla): Date {
  return addMinutes(createdAt, type === 'on_demand' ? sla.acceptanceOnDemandMinutes : sla.acceptanceScheduledMinutes);
}

/** On demand: arrival within the zone's arrival SLA after acceptance; scheduled: start + grace. */
export function arrivalDueAt(type: BookingType, acceptedAt: Date, startsAt: Date | null, sla: Sla): Date {
  if (type === 'scheduled' && startsAt) return addMinutes(startsAt, SCHEDULED_ARRIVAL_GRACE_MINUTES);
  return addMinutes(acceptedAt, sla.arrivalMinutes);
}

/** Completion: the zone's completion SLA after check-in, never shorter than the booked duration. */
export function completionDueAt(startedAt: Date, durationMinutes: number, sla: Sla): Date {
  return addMinutes(startedAt, Math.max(sla.completionMinutes, durationMinutes));
}
