import type { BadgeTone } from '@/components/ui/badge';
import type { DemandLevel, ZoneStatus } from '@/lib/geo/types';

export const demandTone: Record<DemandLevel, BadgeTone> = { high: 'danger', medium: 'warning', low: 'info' };
export const statusTone: Record<ZoneStatus, BadgeTone> = { active: 'success', draft: 'neutral', paused: 'warning', archived: 'neutral' };

/** "just now", "12 min ago", "3 h ago", "2 days ago" — how old analytics are, computed on the server. */
export function ageLabel(at: Date | string, now: Date): string {
  const minutes = Math.floor((now.getTime() - new Date(at).getTime()) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.floor(hours / 24)} days ago`;
}

/** First value of a search param, trimmed and bounded. */
export function param(value: string | string[] | undefined, max = 120): string {
  const v = Array.isArray(value) ? value[0] : value;
  return (v ?? '').trim().slice(0, max);
}

/** Every IANA zone of this runtime (server-side, so the client renders the same list it hydrates). */
export function timeZoneOptions(current?: string): string[] {
  const zones = Intl.supportedValuesOf('timeZone');
  const out = zones.includes('UTC') ? [...zones] : [...zones, 'UTC'];
  if (current && !out.includes(current)) out.push(current);
  return out.sort();
}
