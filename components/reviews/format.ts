/** A London calendar date ("3 Dec 2025") for review lists, formatted on the server (no hydration drift). */
const dateFormatter = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'Europe/London' });

export function formatReviewDate(at: Date | string | number): string {
  return dateFormatter.format(new Date(at));
}

/** Average ×100 → "4.50" (integer arithmetic, no float formatting surprises). */
export function formatAverage(x100: number | null): string {
  if (x100 === null) return '–';
  return `${Math.floor(x100 / 100)}.${String(x100 % 100).padStart(2, '0')}`;
}
