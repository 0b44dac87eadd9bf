import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/core/errors';
import {
  acceptanceDueAt,
  arrivalDueAt,
  assertTransition,
  bookingStatuses,
  canTransition,
  cancellationFee,
  completionDueAt,
  tightenPolicy,
  type BookingStatus,
  type FeeBooking,
} from './policy';

// The whole table, written out independently of policy.ts: every pair not listed is illegal.
const legal = new Set([
  'pending>awaiting_assignment',
  'pending>scheduled',
  'pending>cancelled',
  'awaiting_assignment>scheduled',
  'awaiting_assignment>cancelled',
  'awaiting_assignment>in_progress', // on demand only
  'scheduled>in_progress',
  'scheduled>cancelled',
  'in_progress>completed',
  'in_progress>cancelled',
  'in_progress>disputed',
  'completed>disputed',
  'disputed>in_progress',
  'disputed>completed',
  'disputed>cancelled',
]);

describe('transition table', () => {
  for (const from of bookingStatuses) {
    for (const to of bookingStatuses) {
      const key = `${from}>${to}`;
      it(`${from} → ${to}`, () => {
        const onDemand = canTransition(from, to, 'on_demand');
        const scheduled = canTransition(from, to, 'scheduled');
        expect(onDemand).toBe(legal.has(key));
        expect(scheduled).toBe(legal.has(key) && key !== 'awaiting_assignment>in_progress');
        if (!scheduled) {
          let err: unknown;
          try {
            assertTransition(from, to, 'scheduled');
          } catch (e) {
            err = e;
          }
          expect(err).toBeInstanceOf(AppError);
          expect((err as AppError).code).toBe('CONFLICT');
          expect((err as AppError).details).toMatchObject({ from, to });
          expect((err as AppError).message).toBe(`A booking that is ${from.replace(/_/g, ' ')} cannot become ${to.replace(/_/g, ' ')}.`);
        } else {
          expect(() => assertTransition(from, to, 'scheduled')).not.toThrow();
        }
      });
    }
  }

  it('cancelled and completed are terminal (completed only towards a dispute)', () => {
    expect(bookingStatuses.filter((s) => canTransition('cancelled', s))).toEqual([]);
    expect(bookingStatuses.filter((s) => canTransition('completed', s))).toEqual(['disputed']);
  });

  it('cancelled is reachable from every non-terminal state', () => {
    const nonTerminal: BookingStatus[] = ['pending', 'awaiting_assignment', 'scheduled', 'in_progress', 'disputed'];
    for (const s of nonTerminal) expect(canTransition(s, 'cancelled')).toBe(true);
  });
});

const created = new Date('2026-03-10T10:00:00Z');
const base: FeeBooking = { type: 'scheduled', status: 'scheduled', createdAt: created, startsAt: new Date('2026-03-12T10:00:00Z'), totalMinor: 12345n, assigned: true };
const min = (m: number) => new Date(created.getTime() + m * 60_000);

describe('cancellation fee', () => {
  it('is free at exactly 15 minutes after creation, charged one millisecond later inside the window', () => {
    const soon = { ...base, startsAt: min(60) };
    expect(cancellationFee({ booking: soon, at: min(15) })).toMatchObject({ free: true, feeMinor: 0n });
    const later = cancellationFee({ booking: soon, at: new Date(min(15).getTime() + 1) });
    expect(later.free).toBe(false);
    expect(later.feeMinor).toBe(1235n); // 1234.5 → half-up
  });

  it('scheduled: free at exactly 6 h before the start, 10 % just inside', () => {
    const start = base.startsAt!;
    const sixH = new Date(start.getTime() - 6 * 3_600_000);
    expect(cancellationFee({ booking: base, at: sixH }).free).toBe(true);
    const inside = cancellationFee({ booking: base, at: new Date(sixH.getTime() + 1) });
    expect(inside).toMatchObject({ free: false, feeMinor: 1235n });
  });

  it('JPY (exponent 0) rounds half-up to whole yen', () => {
    const yen = { ...base, totalMinor: 1005n, startsAt: min(120) };
    expect(cancellationFee({ booking: yen, at: min(60) }).feeMinor).toBe(101n); // 100.5 → 101
    expect(cancellationFee({ booking: { ...yen, totalMinor: 1004n }, at: min(60) }).feeMinor).toBe(100n); // 100.4 → 100
  });

  it('on demand: free until a crew is assigned, then 10 %', () => {
    const od: FeeBooking = { ...base, type: 'on_demand', status: 'awaiting_assignment', startsAt: null, assigned: false };
    expect(cancellationFee({ booking: od, at: min(40) }).free).toBe(true);
    expect(cancellationFee({ booking: { ...od, status: 'scheduled', assigned: true }, at: min(40) }).feeMinor).toBe(1235n);
    expect(cancellationFee({ booking: { ...od, status: 'scheduled', assigned: true }, at: min(10) }).free).toBe(true);
  });

  it('pending (nothing confirmed) is free', () => {
    expect(cancellationFee({ booking: { ...base, status: 'pending', startsAt: min(60) }, at: min(50) }).free).toBe(true);
  });

  it('never exceeds the total and is never negative (any total, time, policy)', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 2n ** 53n }),
        fc.integer({ min: 0, max: 5000 }),
        fc.integer({ min: 0, max: 10 * 24 * 60 }),
        fc.integer({ min: -60, max: 10 * 24 * 60 }),
        fc.constantFrom<'on_demand' | 'scheduled'>('on_demand', 'scheduled'),
        fc.boolean(),
        (total, feeBp, atMin, startMin, type, assigned) => {
          const b: FeeBooking = { type, status: 'scheduled', createdAt: created, startsAt: min(atMin + startMin), totalMinor: total, assigned };
          const r = cancellationFee({ booking: b, at: min(atMin), policy: { freeMinutesAfterCreation: 15, freeHoursBeforeStart: 6, feeBp } });
          expect(r.feeMinor >= 0n).toBe(true);
          expect(r.feeMinor <= total).toBe(true);
          expect(r.free).toBe(r.feeMinor === 0n && r.free);
        },
      ),
    );
  });

  it('a provider may tighten but never loosen the policy', () => {
    expect(tightenPolicy({ freeHoursBeforeStart: 24, feeBp: 2000 })).toMatchObject({ freeHoursBeforeStart: 24, feeBp: 2000 });
    expect(() => tightenPolicy({ freeHoursBeforeStart: 2 })).toThrow(AppError);
    expect(() => tightenPolicy({ feeBp: 9000 })).toThrow(AppError);
  });
});

describe('SLA timings', () => {
  const sla = { acceptanceOnDemandMinutes: 90, acceptanceScheduledMinutes: 240, arrivalMinutes: 60, completionMinutes: 240 };
  it('acceptance counts from creation', () => {
    expect(acceptanceDueAt('on_demand', created, sla)).toEqual(min(90));
    expect(acceptanceDueAt('scheduled', created, sla)).toEqual(min(240));
  });
  it('arrival: on demand after acceptance, scheduled after the start plus grace', () => {
    expect(arrivalDueAt('on_demand', min(10), null, sla)).toEqual(min(70));
    expect(arrivalDueAt('scheduled', min(10), min(600), sla)).toEqual(min(630));
  });
  it('completion is never shorter than the job', () => {
    expect(completionDueAt(created, 60, sla)).toEqual(min(240));
    expect(completionDueAt(created, 480, sla)).toEqual(min(480));
  });
});
