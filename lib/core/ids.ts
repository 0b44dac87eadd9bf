/**
 * Identifiers and secret tokens.
 *
 * Primary keys are UUID v7 (RFC 9562): a 48-bit millisecond timestamp up front makes new rows
 * land at the right edge of B-tree indexes (good locality) and lets ids sort by creation time.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

// ---------------------------------------------------------------------------------------------
// UUID v7
// ---------------------------------------------------------------------------------------------

const MAX_TIMESTAMP = 2 ** 48 - 1;
// 42-bit counter = 12 bits of rand_a + top 30 bits of rand_b (RFC 9562 §6.2, Method 1).
const COUNTER_LO_BITS = 30;
const COUNTER_LO_SIZE = 2 ** COUNTER_LO_BITS;
const COUNTER_MAX = 2 ** 42 - 1;
// Seeds use 41 bits so the counter can always absorb at least 2^41 ids within one millisecond.
const COUNTER_SEED_SIZE = 2 ** 41;

export type UuidV7Generator = () => string;

function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
}

function formatUuid(bytes: Uint8Array): string {
  const h = hex(bytes);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

function randomCounterSeed(random: (size: number) => Uint8Array): number {
  const b = random(6);
  // 48 random bits reduced to 41: 2^48 is a multiple of 2^41, so there is no modulo bias.
  const value = b[0] * 2 ** 40 + b[1] * 2 ** 32 + b[2] * 2 ** 24 + b[3] * 2 ** 16 + b[4] * 2 ** 8 + b[5];
  return value % COUNTER_SEED_SIZE;
}

/**
 * Builds a monotonic UUID v7 generator. Within the same millisecond (or if the wall clock steps
 * backwards) the counter increments, so ids from one generator are strictly increasing.
 * The time/random sources are injectable for tests; `newId` uses the real ones.
 */
export function createUuidV7Generator(
  nowMs: () => number = Date.now,
  random: (size: number) => Uint8Array = randomBytes,
): UuidV7Generator {
  let lastTimestamp = -1;
  let counter = 0;

  return () => {
    let timestamp = Math.floor(nowMs());
    if (!Number.isSafeInteger(timestamp) || timestamp < 0 || timestamp > MAX_TIMESTAMP) {
      throw new RangeError(`UUID v7 timestamp out of range: ${String(timestamp)}`);
    }
    if (timestamp > lastTimestamp) {
      counter = randomCounterSeed(random);
    } else {
      // Same ms or the clock went backwards: keep the last timestamp and count up.
      timestamp = lastTimestamp;
      counter += 1;
      if (counter > COUNTER_MAX) {
        // Counter exhausted (practically unreachable): borrow the next millisecond.
        timestamp += 1;
        counter = randomCounterSeed(random);
      }
    }
    lastTimestamp = timestamp;

    const bytes = new Uint8Array(16);
    // unix_ts_ms: 48 bits big-endian. Split because JS bit ops are 32-bit.
    const high = Math.floor(timestamp / 2 ** 32);
    const low = timestamp >>> 0;
    bytes[0] = (high >>> 8) & 0xff;
    bytes[1] = high & 0xff;
    bytes[2] = (low >>> 24) & 0xff;
    bytes[3] = (low >>> 16) & 0xff;
    bytes[4] = (low >>> 8) & 0xff;
    bytes[5] = low & 0xff;

    const counterHi = Math.floor(counter / COUNTER_LO_SIZE); // 12 bits -> rand_a
    const counterLo = counter % COUNTER_LO_SIZE; // 30 bits -> top of rand_b
    bytes[6] = 0x70 | ((counterHi >>> 8) & 0x0f); // version 7
    bytes[7] = counterHi & 0xff;
    bytes[8] = 0x80 | ((counterLo >>> 24) & 0x3f); // variant 0b10
    bytes[9] = (counterLo >>> 16) & 0xff;
    bytes[10] = (counterLo >>> 8) & 0xff;
    bytes[11] = counterLo & 0xff;
    bytes.set(random(4).subarray(0, 4), 12); // remaining 32 bits of rand_b stay random

    return formatUuid(bytes);
  };
}

const defaultGenerator = createUuidV7Generator();

/** New time-ordered primary key (lower-case UUID v7). */
export function newId(): string {
  return defaultGenerator();
}

// Any RFC 9562 version (1-8) with the 0b10 variant; case-insensitive because callers may paste ids.
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const UUID_V7_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID_RE.test(value);
}

export function isUuidV7(value: unknown): value is string {
  return typeof value === 'string' && UUID_V7_RE.test(value);
}

/** Creation time embedded in a v7 id (ms precision). */
export function uuidV7Timestamp(id: string): Date {
  if (!isUuidV7(id)) throw new TypeError(`Not a UUID v7: ${JSON.stringify(id)}`);
  const h = id.replaceAll('-', '').slice(0, 12);
  return new Date(Number.parseInt(h, 16));
}

/** Lower-cases so ids compare equal to the canonical form Postgres returns. */
export const uuidSchema = z
  .string({ error: 'Expected an id' })
  .regex(UUID_RE, { error: 'Must be a valid UUID' })
  .toLowerCase();

// ---------------------------------------------------------------------------------------------
// Secret tokens (session, email verification, password reset, …)
// ---------------------------------------------------------------------------------------------

/** URL-safe base64 so tokens can go in links without escaping. 32 bytes = 256 bits of entropy. */
export function newToken(bytes = 32): string {
  if (!Number.isSafeInteger(bytes) || bytes < 16 || bytes > 1024) {
    throw new RangeError(`newToken: byte length must be an integer between 16 and 1024, got ${String(bytes)}`);
  }
  return randomBytes(bytes).toString('base64url');
}

/**
 * Tokens are stored only as this hash, so a leaked table cannot be replayed. A fast unsalted
 * sha256 is fine here (unlike passwords) because tokens are high-entropy random values.
 */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Constant-time check of a presented token against a stored hash. */
export function verifyToken(token: string, storedHash: string): boolean {
  const actual = Buffer.from(hashToken(token), 'hex');
  const expected = Buffer.from(storedHash, 'hex');
  return expected.length === actual.length && timingSafeEqual(actual, expected);
}
