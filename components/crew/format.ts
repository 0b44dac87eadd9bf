/** Server-side formatting of crew times: always in the crew member's own zone, with the zone named. */
export function formatRangeInZone(startIso: string, endIso: string, timeZone: string): string {
  const f = new Intl.DateTimeFormat('en-GB', { timeZone, day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' });
  return `${f.format(new Date(startIso))} – ${f.format(new Date(endIso))}`;
}

/** Canonical IANA zone ids for pickers, with the common ones first. */
export function timeZoneChoices(current: string): string[] {
  const all = Intl.supportedValuesOf('timeZone');
  const common = ['Europe/London', 'Europe/Dublin', 'Europe/Paris', 'America/New_York', 'Asia/Kolkata', 'Australia/Sydney'];
  return [...new Set([current, ...common, ...all])];
}
