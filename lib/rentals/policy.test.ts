import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/core/errors';
import { assertRentalMove, canMoveRental, lateCharge, lateDays, planSettlement, rentalDays, rentalStatuses } from './policy';

const t = (iso: string) => new Date(iso);

describe('rental policy', () => {
  it('counts charged days as ceil(24 h periods), minimum 1', () => {
    expect(rentalDays(t('2026-12-01T10:00Z'), t('2026-12-01T11:00Z'))).toBe(1);
    expect(rentalDays(t('2026-12-01T10:00Z'), t('2026-12-02T10:00Z'))).toBe(1);
    expect(rentalDays(t('2026-12-01T10:00Z'), t('2026-12-02T10:01Z'))).toBe(2);
  });

  it('counts late days per return and charges 1.5 × rate half-up', () => {
    expect(lateDays(t('2026-12-02T09:00Z'), t('2026-12-02T10:00Z'))).toBe(0);
    expect(lateDays(t('2026-12-02T10:00:01Z'), t('2026-12-02T10:00Z'))).toBe(1);
    expect(lateCharge(1235n, 1, 1)).toBe(1853n); // 18.525 → 18.53
    expect(lateCharge(1333n, 2, 2)).toBe(7998n);
    expect(lateCharge(1000n, 0, 3)).toBe(0n);
  });

  it('nets charges against the deposit: released, partly released, forfeited plus balance', () => {
    const c = (n: bigint) => [{ kind: 'damage' as const, label: 'x', amountMinor: n }];
    expect(planSettlement([], 5000n)).toMatchObject({ depositChargedMinor: 0n, depositReleasedMinor: 5000n, balanceDueMinor: 0n });
    expect(planSettlement(c(1200n), 5000n)).toMatchObject({ depositChargedMinor: 1200n, depositReleasedMinor: 3800n, balanceDueMinor: 0n });
    expect(planSettlement(c(7000n), 5000n)).toMatchObject({ depositChargedMinor: 5000n, depositReleasedMinor: 0n, balanceDueMinor: 2000n });
    const p = planSettlement(c(7000n), 5000n);
    expect(p.lines.map((l) => l.key)).toEqual(['charge', 'deposit_held', 'deposit_charged', 'deposit_released', 'balance_due']);
  });

  it('has one transition table; terminal states go nowhere and illegal moves are 409 naming both states', () => {
    for (const s of ['settled', 'cancelled', 'rejected'] as const) for (const to of rentalStatuses) expect(canMoveRental(s, to)).toBe(false);
    expect(canMoveRental('disputed', 'inspection_pending')).toBe(true);
    expect(canMoveRental('requested', 'disputed')).toBe(false);
    try {
      assertRentalMove('in_use', 'cancelled');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).details).toEqual({ from: 'in_use', to: 'cancelled' });
      expect((e as AppError).message).toBe('A rental that is in use cannot become cancelled.');
    }
  });
});
