/**
 * Pure rental rules (DOMAIN.md "Inventory and rentals", docs/rentals.md): THE transition table,
 * the day counting, the charge formulas and the settlement arithmetic. No database, no clock —
 * callers pass the instants. Client-safe: the screens preview with the same functions.
 */
import { AppError } from '@/lib/core/errors';
import { divRoundHalfUp } from '@/lib/core/money';

export const rentalStatuses = ['requested', 'approved', 'rejected', 'pickup_scheduled', 'in_use', 'partially_returned', 'inspection_pending', 'settled', 'cancelled', 'disputed'] as const;
export type RentalStatus = (typeof rentalStatuses)[number];

/** The ONE transition table. `disputed` leaves to the state it interrupted, or to settled. */
const table: Record<RentalStatus, readonly RentalStatus[]> = {
  requested: ['approved', 'rejected', 'cancelled'],
  approved: ['pickup_scheduled', 'cancelled'],
  rejected: [],
  pickup_scheduled: ['in_use', 'cancelled'],
  in_use: ['partially_returned', 'inspection_pending', 'disputed'],
  partially_returned: ['inspection_pending', 'disputed'],
  inspection_pending: ['settled', 'disputed'],
  settled: [],
  cancelled: [],
  disputed: ['in_use', 'partially_returned', 'inspection_pending', 'settled'],
};

export function canMoveRental(from: RentalStatus, to: RentalStatus): boolean {
  return table[from]?.includes(to) ?? false;
}

export const statusLabels: Record<RentalStatus, string> = {
  requested: 'Requested',
  approved: 'Approved',
  rejected: 'Rejected',
  pickup_scheduled: 'Pickup scheduled',
  in_use: 'In use',
  partially_returned: 'Partially returned',
  inspection_pending: 'Awaiting inspection',
  settled: 'Settled',
  cancelled: 'Cancelled',
  disputed: 'Disputed',
};

const label = (s: string) => s.replace(/_/g, ' ');

/** 409 naming both states, e.g. "A rental that is settled cannot become in use." */
export function assertRentalMove(from: RentalStatus, to: RentalStatus): void {
  if (!canMoveRental(from, to)) throw new AppError('CONFLICT', `A rental that is ${label(from)} cannot become ${label(to)}.`, { from, to });
}

/** States in which stock is still promised to the rental (its reservations stay active). */
export const liveStatuses: readonly RentalStatus[] = ['requested', 'approved', 'pickup_scheduled', 'in_use', 'partially_returned', 'disputed'];
/** States with units out with the renter. */
export const outStatuses: readonly RentalStatus[] = ['in_use', 'partially_returned'];
/** A rental can be cancelled (fee-free) until checkout. */
export const cancellableStatuses: readonly RentalStatus[] = ['requested', 'approved', 'pickup_scheduled'];
/** A rental can be extended until its units are all back. */
export const extendableStatuses: readonly RentalStatus[] = ['requested', 'approved', 'pickup_scheduled', 'in_use', 'partially_returned'];

export const DAY_MS = 86_400_000;
/** Late days are charged at 1.5 × the daily rate (DOMAIN.md). */
export const LATE_RATE_NUM = 3n;
export const LATE_RATE_DEN = 2n;
/** Delivery: one flat fee per rental in the item's currency, whatever the item (docs/rentals.md). */
export const DELIVERY_FEE_MINOR = 1500n;
/** How far ahead the calendar and requests reach. */
export const MAX_ADVANCE_DAYS = 365;
export const MAX_RENTAL_DAYS = 90;

/** Charged days: ceil((end − start) / 24 h), at least 1. */
export function rentalDays(startsAt: Date, endsAt: Date): number {
  const ms = endsAt.getTime() - startsAt.getTime();
  return Math.max(1, Math.ceil(ms / DAY_MS));
}

/** Whole days late at a return: ceil(max(0, returnedAt − endsAt) / 24 h). */
export function lateDays(returnedAt: Date, endsAt: Date): number {
  return Math.ceil(Math.max(0, returnedAt.getTime() - endsAt.getTime()) / DAY_MS);
}

/** daily rate × days × quantity. */
export function rentalPrice(dailyRateMinor: bigint, days: number, quantity: number): bigint {
  return dailyRateMinor * BigInt(days) * BigInt(quantity);
}

/** Late line of one return: late days × daily rate × 1.5 × units, rounded half-up once. */
export function lateCharge(dailyRateMinor: bigint, days: number, units: number): bigint {
  if (days <= 0 || units <= 0) return 0n;
  return divRoundHalfUp(dailyRateMinor * BigInt(days) * BigInt(units) * LATE_RATE_NUM, LATE_RATE_DEN);
}

export type ChargeKind = 'late' | 'damage' | 'cleaning' | 'loss' | 'other';
export const chargeKinds: readonly ChargeKind[] = ['late', 'damage', 'cleaning', 'loss', 'other'];
export const chargeKindLabels: Record<ChargeKind, string> = { late: 'Late return', damage: 'Damage', cleaning: 'Cleaning', loss: 'Loss', other: 'Other' };

export interface ChargeLine {
  kind: ChargeKind;
  label: string;
  amountMinor: bigint;
}

export interface SettlementLine {
  key: 'charge' | 'deposit_held' | 'deposit_charged' | 'deposit_released' | 'balance_due';
  label: string;
  amountMinor: bigint;
}

export interface SettlementPlan {
  charges: ChargeLine[];
  chargesTotalMinor: bigint;
  depositMinor: bigint;
  /** Captured from the deposit hold: min(charges, deposit). */
  depositChargedMinor: bigint;
  /** Released back to the renter (the refund, shown as its own line). */
  depositReleasedMinor: bigint;
  /** Charged as a separate payment: charges − deposit charged. */
  balanceDueMinor: bigint;
  /** Exactly the lines shown to both parties. */
  lines: SettlementLine[];
}

/** Charges netted against the deposit (DOMAIN.md): released, partly released or forfeited, plus any balance due. */
export function planSettlement(charges: readonly ChargeLine[], depositMinor: bigint): SettlementPlan {
  const total = charges.reduce((a, c) => a + c.amountMinor, 0n);
  const fromDeposit = total < depositMinor ? total : depositMinor;
  const released = depositMinor - fromDeposit;
  const balance = total - fromDeposit;
  const lines: SettlementLine[] = [
    ...charges.map((c) => ({ key: 'charge' as const, label: c.label, amountMinor: c.amountMinor })),
    { key: 'deposit_held', label: 'Deposit held at checkout', amountMinor: depositMinor },
    { key: 'deposit_charged', label: 'Charges taken from the deposit', amountMinor: fromDeposit },
    { key: 'deposit_released', label: 'Deposit returned to the renter', amountMinor: released },
    { key: 'balance_due', label: 'Balance due from the renter (charged to their card)', amountMinor: balance },
  ];
  return { charges: [...charges], chargesTotalMinor: total, depositMinor, depositChargedMinor: fromDeposit, depositReleasedMinor: released, balanceDueMinor: balance, lines };
}
