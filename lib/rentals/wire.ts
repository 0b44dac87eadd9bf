/** JSON shapes: bigint minor units → numbers (safe integers), dates → ISO strings. */
import { toWire } from '@/lib/core/money';

export type Wire<T> = T extends bigint ? number : T extends Date ? string : T extends Array<infer U> ? Wire<U>[] : T extends object ? { [K in keyof T]: Wire<T[K]> } : T;

export function wire<T>(v: T): Wire<T> {
  if (typeof v === 'bigint') return toWire(v) as Wire<T>;
  if (v instanceof Date) return v.toISOString() as Wire<T>;
  if (Array.isArray(v)) return v.map((x) => wire(x)) as Wire<T>;
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, wire(x)])) as Wire<T>;
  return v as Wire<T>;
}
