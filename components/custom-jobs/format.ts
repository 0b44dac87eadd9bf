import type { BadgeTone } from '@/components/ui/badge';
import { currencyExponent } from '@/components/explorer/format';

export { formatMinor } from '@/components/explorer/format';

const statusText: Record<string, string> = { open: 'Open for bids', closed: 'Bids closed', awarded: 'Awarded', cancelled: 'Cancelled' };
const statusTone: Record<string, BadgeTone> = { open: 'success', closed: 'warning', awarded: 'info', cancelled: 'neutral' };
export const jobStatusLabel = (s: string) => statusText[s] ?? s;
export const jobStatusTone = (s: string): BadgeTone => statusTone[s] ?? 'neutral';

/** "50" or "49.99" in major units → integer minor units, by string arithmetic (never floats). */
export function majorToMinor(text: string, currency: string): number | null {
  const exp = currencyExponent(currency);
  const m = /^\s*(\d{1,12})(?:[.,](\d+))?\s*$/.exec(text);
  if (!m) return null;
  const frac = m[2] ?? '';
  if (frac.length > exp) return null;
  return Number(m[1]) * 10 ** exp + Number(frac.padEnd(exp, '0') || '0');
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${Math.round(n / 102.4) / 10} KB`;
  return `${Math.round(n / (1024 * 102.4)) / 10} MB`;
}

/** A deadline as "Tue 2 Jun, 14:00" in the viewer's time zone, plus how far away it is. */
export function deadlineText(iso: string, now = Date.now()): string {
  const d = new Date(iso);
  const abs = d.toLocaleString('en-GB', { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
  const ms = d.getTime() - now;
  if (ms <= 0) return `${abs} (passed)`;
  const h = Math.floor(ms / 3_600_000);
  const rel = h >= 48 ? `${Math.floor(h / 24)} days left` : h >= 1 ? `${h} h left` : `${Math.max(1, Math.floor(ms / 60_000))} min left`;
  return `${abs} (${rel})`;
}

/** RFC 9457 problem → field errors keyed by the form's field names. */
export function problemFieldErrors(problem: { errors?: Record<string, string[]> } | null): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, msgs] of Object.entries(problem?.errors ?? {})) {
    const field = key.startsWith('location') ? 'location' : key.startsWith('photos') ? 'photos' : key.startsWith('invitedProviderIds') ? 'invitedProviderIds' : key;
    const label = key.startsWith('photos.') ? `Photo ${Number(key.split('.')[1]) + 1}: ` : '';
    out[field] = out[field] ? `${out[field]} ${label}${msgs.join(' ')}` : `${label}${msgs.join(' ')}`;
  }
  return out;
}

/** `datetime-local` value (local wall clock) for an instant. */
export function toLocalInput(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}
