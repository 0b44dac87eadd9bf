/** Display helpers for the desk screens (client-safe, no zod). Times always carry their zone. */

export function formatInZone(iso: string | null, timeZone: string, opts: { withDate?: boolean } = {}): string {
  if (!iso) return 'As soon as possible';
  const d = new Date(iso);
  const withDate = opts.withDate ?? true;
  try {
    const text = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      ...(withDate ? { weekday: 'short', day: 'numeric', month: 'short' } : {}),
      hour: '2-digit',
      minute: '2-digit',
      timeZoneName: 'short',
    }).format(d);
    return `${text} (${timeZone})`;
  } catch {
    return `${d.toISOString()} (UTC)`;
  }
}

/** The calendar date (YYYY-MM-DD) of an instant in a zone. */
export function dateInZone(iso: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date(iso));
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

export function minutesLabel(mins: number): string {
  const a = Math.abs(mins);
  const text = a >= 120 ? `${Math.floor(a / 60)} h ${a % 60} min` : `${a} min`;
  return mins < 0 ? `${text} overdue` : `in ${text}`;
}

export const statusTone: Record<string, 'neutral' | 'info' | 'success' | 'warning' | 'danger'> = {
  pending: 'warning',
  awaiting_assignment: 'warning',
  scheduled: 'info',
  in_progress: 'info',
  completed: 'success',
  cancelled: 'neutral',
  disputed: 'danger',
};

export const statusLabel = (s: string) => s.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());
