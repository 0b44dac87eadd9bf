/**
 * CSV serialisation (RFC 4180) for exports that users open in spreadsheet software.
 *
 * Spreadsheets evaluate any text cell that starts with a formula trigger, so user-controlled
 * strings (names, addresses, job notes) could otherwise smuggle `=HYPERLINK(...)`-style payloads
 * into an admin's Excel ("CSV injection"). Text cells starting with a trigger get a leading `'`,
 * which spreadsheets treat as "this is text" and hide. Real numbers are never prefixed: `-12.5`
 * typed as a number is data, and prefixing it would break sums in the exported sheet.
 */

export type CsvValue = string | number | bigint | null | undefined;

/** TAB and CR are included because some spreadsheets strip them and then see the formula behind. */
const FORMULA_TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r']);

const NEEDS_QUOTING = /[",\r\n]/;

function neutralise(text: string): string {
  return text.length > 0 && FORMULA_TRIGGERS.has(text[0]) ? `'${text}` : text;
}

function quote(text: string): string {
  return NEEDS_QUOTING.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * One field, ready to be joined with commas.
 * `null`/`undefined` and non-finite numbers become an empty field: "NaN" or "Infinity" in a
 * report would be read as text by the recipient and is never what the user meant.
 */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'bigint') return value.toString();
  return quote(neutralise(value));
}

/**
 * A whole document: header record then one record per row, separated by CRLF as RFC 4180
 * specifies (Excel on Windows also expects it). No trailing line break, so a parser does not
 * see a phantom empty last record.
 */
export function toCsv(headers: string[], rows: CsvValue[][]): string {
  const records = [headers, ...rows].map((record) => record.map(csvCell).join(','));
  return records.join('\r\n');
}
