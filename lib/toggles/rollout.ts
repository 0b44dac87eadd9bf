import { createHash } from 'node:crypto';

/**
 * A user's stable position (0..99) for one toggle. Hashing key and user together gives each toggle
 * an independent slice of users, so the same 10 % are not the guinea pigs for every feature; the
 * same inputs always land in the same bucket, on every instance, with no stored assignment.
 */
export function rolloutBucket(key: string, userId: string): number {
  const digest = createHash('sha256').update(`${key}:${userId}`).digest();
  return digest.readUInt32BE(0) % 100;
}

/**
 * Whether a user is inside a rollout of `percent`. A user in at p % stays in at every q > p, so
 * widening a rollout only ever adds people. Anonymous visitors have no stable identity to bucket,
 * so they only see a feature once it is at 100 %.
 */
export function inRollout(percent: number, key: string, userId: string | null | undefined): boolean {
  if (percent >= 100) return true;
  if (percent <= 0) return false;
  if (!userId) return false;
  return rolloutBucket(key, userId) < percent;
}
