import { createHash } from 'node:crypto';

/**
 * Deterministic uuid (v8 layout, name-based) so a re-run of the seed updates the same rows
 * instead of creating new ones, and tests can refer to seeded records by name.
 */
export function seedId(name: string): string {
  const h = createHash('sha256').update(`fixnado-seed:${name}`).digest();
  h[6] = (h[6] & 0x0f) | 0x80;
  h[8] = (h[8] & 0x3f) | 0x80;
  const hex = h.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
