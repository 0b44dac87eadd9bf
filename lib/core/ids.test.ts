import { describe, expect, it } from 'vitest';
import {
  createUuidV7Generator,
  hashToken,
  isUuid,
  isUuidV7,
  newId,
  newToken,
  uuidSchema,
  uuidV7Timestamp,
  verifyToken,
} from '@/lib/core/ids';

describe('UUID v7', () => {
  it('has the RFC 9562 layout: version 7 and variant 0b10', () => {
    for (let i = 0; i < 100; i += 1) {
      const id = newId();
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      const bytes = Buffer.from(id.replaceAll('-', ''), 'hex');
      expect(bytes[6] >> 4).toBe(7);
      expect(bytes[8] >> 6).toBe(0b10);
      expect(isUuid(id)).toBe(true);
      expect(isUuidV7(id)).toBe(true);
    }
  });

  it('embeds the creation time', () => {
    const before = Date.now();
    const ts = uuidV7Timestamp(newId()).getTime();
    expect(ts).toBeGreaterThanOrEqual(before);
    expect(ts).toBeLessThanOrEqual(Date.now() + 1);

    const gen = createUuidV7Generator(() => Date.UTC(2030, 0, 1));
    expect(uuidV7Timestamp(gen()).toISOString()).toBe('2030-01-01T00:00:00.000Z');
  });

  it('sorts by creation time, including many ids within one millisecond', () => {
    let t = Date.UTC(2025, 5, 1);
    const gen = createUuidV7Generator(() => t);
    const ids: string[] = [];
    for (let i = 0; i < 2_000; i += 1) {
      ids.push(gen());
      if (i % 100 === 99) t += 1; // 100 ids per millisecond
    }
    expect([...ids].sort()).toEqual(ids);

    // Real generator: lexical order equals generation order.
    const real = Array.from({ length: 5_000 }, () => newId());
    expect([...real].sort()).toEqual(real);
  });

  it('stays monotonic if the wall clock steps backwards', () => {
    let t = Date.UTC(2025, 0, 1, 12);
    const gen = createUuidV7Generator(() => t);
    const a = gen();
    t -= 60_000;
    const b = gen();
    expect(b > a).toBe(true);
    expect(uuidV7Timestamp(b).getTime()).toBe(Date.UTC(2025, 0, 1, 12));
  });

  it('increments the 42-bit counter with carry from rand_b into rand_a within one millisecond', () => {
    // An all-0xff random source seeds the counter at its maximum seed 2^41 - 1 (top bit kept clear
    // as headroom), so the next id in the same millisecond carries into the rand_a bits.
    const gen = createUuidV7Generator(() => 0, (n) => new Uint8Array(n).fill(0xff));
    expect(gen()).toBe('00000000-0000-77ff-bfff-ffffffffffff');
    expect(gen()).toBe('00000000-0000-7800-8000-0000ffffffff');
    expect(gen()).toBe('00000000-0000-7800-8000-0001ffffffff');
  });

  it('is unique over 10k ids', () => {
    const ids = new Set(Array.from({ length: 10_000 }, () => newId()));
    expect(ids.size).toBe(10_000);
  });

  it('rejects out-of-range timestamps', () => {
    expect(() => createUuidV7Generator(() => -1)()).toThrow(RangeError);
    expect(() => createUuidV7Generator(() => 2 ** 48)()).toThrow(RangeError);
  });
});

describe('isUuid / uuidSchema', () => {
  it('validates format, version and variant', () => {
    expect(isUuid('550e8400-e29b-41d4-a716-446655440000')).toBe(true); // v4
    expect(isUuid('550E8400-E29B-41D4-A716-446655440000')).toBe(true);
    expect(isUuidV7('550e8400-e29b-41d4-a716-446655440000')).toBe(false);
    expect(isUuid('550e8400-e29b-41d4-c716-446655440000')).toBe(false); // wrong variant
    expect(isUuid('550e8400e29b41d4a716446655440000')).toBe(false);
    expect(isUuid('not-a-uuid')).toBe(false);
    expect(isUuid(42)).toBe(false);
    expect(() => uuidV7Timestamp('550e8400-e29b-41d4-a716-446655440000')).toThrow(TypeError);
  });

  it('uuidSchema normalises to lower case and explains failures', () => {
    expect(uuidSchema.parse('550E8400-E29B-41D4-A716-446655440000')).toBe('550e8400-e29b-41d4-a716-446655440000');
    const result = uuidSchema.safeParse('nope');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toBe('Must be a valid UUID');
  });
});

describe('tokens', () => {
  it('newToken is URL-safe base64 of the requested length', () => {
    const token = newToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/); // 32 bytes -> 43 chars, no padding
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(newToken(16)).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(newToken()).not.toBe(token);
    expect(() => newToken(8)).toThrow(RangeError);
    expect(() => newToken(16.5)).toThrow(RangeError);
  });

  it('hashToken is hex sha256 and verifyToken compares against the stored hash', () => {
    expect(hashToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    const token = newToken();
    const stored = hashToken(token);
    expect(stored).toMatch(/^[0-9a-f]{64}$/);
    expect(verifyToken(token, stored)).toBe(true);
    expect(verifyToken(`${token}x`, stored)).toBe(false);
    expect(verifyToken(token, 'zz')).toBe(false);
  });
});
