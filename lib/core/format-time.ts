/**
 * Admin screens show every instant with its zone so nobody misreads a UK-summer-time row.
 * Formatted on the server and handed to client tables as text: browsers ship different time-zone
 * data than Node, and a string cannot cause a hydration mismatch.
 * Spelled out as fields because Intl refuses `timeZoneName` together with `dateStyle`/`timeStyle`;
 * these fields render the same as dateStyle 'medium' + timeStyle 'short' in en-GB.
 */
const formatter = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/London',
  timeZoneName: 'short',
});

export function formatDateTime(at: Date | string | number): string {
  return formatter.format(new Date(at));
}
