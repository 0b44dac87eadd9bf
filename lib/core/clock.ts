/**
 * Injectable clock. Code that needs "now" calls `getClock().now()` (or `now()`) instead of
 * `new Date()`, so tests can pin or move time without fake timers.
 */

export interface Clock {
  now(): Date;
}

export interface ManualClock extends Clock {
  /** Moves time forward; use `set` to jump anywhere (including backwards). */
  advance(ms: number): void;
  set(date: Date | string | number): void;
}

function toDate(value: Date | string | number, what: string): Date {
  const date = new Date(value instanceof Date ? value.getTime() : value);
  if (Number.isNaN(date.getTime())) throw new RangeError(`${what}: invalid date ${String(value)}`);
  return date;
}

export const systemClock: Clock = Object.freeze({
  now: () => new Date(),
});

/** Always returns the same instant. A fresh Date each call because Date is mutable. */
export function fixedClock(date: Date | string | number): Clock {
  const ms = toDate(date, 'fixedClock').getTime();
  return Object.freeze({ now: () => new Date(ms) });
}

export function manualClock(start: Date | string | number = Date.now()): ManualClock {
  let ms = toDate(start, 'manualClock').getTime();
  return {
    now: () => new Date(ms),
    advance(delta: number) {
      if (!Number.isFinite(delta) || delta < 0) {
        throw new RangeError(`manualClock.advance: expected a finite, non-negative number of ms, got ${String(delta)}`);
      }
      ms += delta;
    },
    set(date: Date | string | number) {
      ms = toDate(date, 'manualClock.set').getTime();
    },
  };
}

let current: Clock = systemClock;

export function getClock(): Clock {
  return current;
}

/** Process-wide default; pass nothing to restore the system clock. */
export function setClock(clock: Clock = systemClock): void {
  current = clock;
}

/** Shorthand for `getClock().now()`. */
export function now(): Date {
  return current.now();
}

/**
 * Runs `fn` with `clock` as the process-wide default and restores the previous clock afterwards
 * (after the promise settles for async `fn`). It swaps a global, so overlapping async calls in
 * the same process would see each other's clock — intended for sequential tests only.
 */
export function withClock<T>(clock: Clock, fn: () => T): T {
  const previous = current;
  current = clock;
  let result: T;
  try {
    result = fn();
  } catch (error) {
    current = previous;
    throw error;
  }
  if (result instanceof Promise) {
    return result.finally(() => {
      current = previous;
    }) as T;
  }
  current = previous;
  return result;
}
