import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/core/errors';
import { appealClosesAt, assertDisputeMove, bookingStatusAfter, canMoveDispute, openRefusal, refundFor, reminderAt, responseDueAt } from './policy';

const t0 = new Date('2026-03-02T09:00:00Z');
const DAY = 86_400_000;

describe('dispute policy', () => {
  it('opens while in progress or within 7 days of completion (inclusive)', () => {
    expect(openRefusal({ status: 'in_progress', completedAt: null }, t0)).toBeNull();
    expect(openRefusal({ status: 'completed', completedAt: new Date(t0.getTime() - 7 * DAY) }, t0)).toBeNull();
    expect(openRefusal({ status: 'completed', completedAt: new Date(t0.getTime() - 7 * DAY - 1) }, t0)).toMatch(/closed/);
    expect(openRefusal({ status: 'scheduled', completedAt: null }, t0)).toMatch(/scheduled cannot be disputed/);
    expect(openRefusal({ status: 'disputed', completedAt: null }, t0)).toMatch(/already/);
  });

  it('has one status table; illegal moves name from and to', () => {
    expect(canMoveDispute('awaiting_response', 'under_review')).toBe(true);
    expect(canMoveDispute('resolved', 'appealed')).toBe(true);
    expect(canMoveDispute('appealed', 'withdrawn')).toBe(false);
    expect(canMoveDispute('withdrawn', 'under_review')).toBe(false);
    try {
      assertDisputeMove('resolved', 'withdrawn');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).message).toBe('A dispute that is resolved cannot become withdrawn.');
      expect((e as AppError).details).toMatchObject({ from: 'resolved', to: 'withdrawn' });
    }
  });

  it('bounds each outcome’s refund', () => {
    expect(refundFor('full_refund', 12_300n, null)).toEqual({ refundMinor: 12_300n });
    expect(refundFor('full_refund', 12_300n, null, 10_000n)).toEqual({ refundMinor: 10_000n });
    expect(refundFor('partial_refund', 12_300n, 1n)).toEqual({ refundMinor: 1n });
    expect(refundFor('partial_refund', 12_300n, 12_299n)).toEqual({ refundMinor: 12_299n });
    expect(refundFor('partial_refund', 12_300n, 0n)).toHaveProperty('error');
    expect(refundFor('partial_refund', 12_300n, 12_300n)).toHaveProperty('error');
    expect(refundFor('partial_refund', 12_300n, null)).toHaveProperty('error');
    expect(refundFor('no_refund', 12_300n, null)).toEqual({ refundMinor: 0n });
    expect(refundFor('release', 12_300n, 5n)).toHaveProperty('error');
    expect(bookingStatusAfter('full_refund')).toBe('cancelled');
    expect(bookingStatusAfter('partial_refund')).toBe('completed');
  });

  it('computes the deadlines', () => {
    const due = responseDueAt(t0);
    expect(due.toISOString()).toBe('2026-03-05T09:00:00.000Z');
    expect(reminderAt(due).toISOString()).toBe('2026-03-04T09:00:00.000Z');
    expect(appealClosesAt(t0).toISOString()).toBe('2026-03-09T09:00:00.000Z');
  });
});
