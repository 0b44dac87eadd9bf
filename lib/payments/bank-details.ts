/**
 * Bank details for provider payouts: UK sort code + account number, or an IBAN (checked with the
 * ISO 13616 mod-97 rule). Pure functions shared by the payout verbs (to name the wrong field) and
 * the test gateway (which tokenises them like a real gateway would).
 */

export type BankDetails =
  | { kind: 'gb'; sortCode: string; accountNumber: string }
  | { kind: 'iban'; iban: string };

export type BankDetailsErrors = Partial<Record<'sortCode' | 'accountNumber' | 'iban', string[]>>;

const digitsOnly = (s: string) => s.replace(/[\s-]/g, '');

/** "12-34-56" / "12 34 56" / "123456" → "123456" when it is six digits, else null. */
export function normaliseSortCode(input: string): string | null {
  const s = digitsOnly(input);
  return /^\d{6}$/.test(s) ? s : null;
}

export function normaliseAccountNumber(input: string): string | null {
  const s = digitsOnly(input);
  return /^\d{8}$/.test(s) ? s : null;
}

/** Upper-cased, spaces removed; null when the shape or the mod-97 check digits are wrong. */
export function normaliseIban(input: string): string | null {
  const s = input.replace(/\s/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(s)) return null;
  const rearranged = s.slice(4) + s.slice(0, 4);
  // Letters become 10..35; the remainder is taken piecewise so no big numbers are needed.
  let rem = 0;
  for (const ch of rearranged) {
    const v = ch >= 'A' && ch <= 'Z' ? String(ch.charCodeAt(0) - 55) : ch;
    for (const d of v) rem = (rem * 10 + Number(d)) % 97;
  }
  return rem === 1 ? s : null;
}

/** Validates raw form input into one kind of bank details, naming each wrong field. */
export function parseBankDetails(raw: { sortCode?: string; accountNumber?: string; iban?: string }): { ok: true; details: BankDetails } | { ok: false; errors: BankDetailsErrors } {
  const sort = raw.sortCode?.trim() ?? '';
  const acct = raw.accountNumber?.trim() ?? '';
  const iban = raw.iban?.trim() ?? '';
  if (iban && !sort && !acct) {
    const n = normaliseIban(iban);
    return n ? { ok: true, details: { kind: 'iban', iban: n } } : { ok: false, errors: { iban: ['is not a valid IBAN (check the letters, digits and check digits)'] } };
  }
  if (iban) return { ok: false, errors: { iban: ['give either an IBAN or a sort code and account number, not both'] } };
  const errors: BankDetailsErrors = {};
  const s = normaliseSortCode(sort);
  const a = normaliseAccountNumber(acct);
  if (!s) errors.sortCode = [sort ? 'must be 6 digits, e.g. 12-34-56' : 'is required (or give an IBAN)'];
  if (!a) errors.accountNumber = [acct ? 'must be 8 digits' : 'is required (or give an IBAN)'];
  if (!s || !a) return { ok: false, errors };
  return { ok: true, details: { kind: 'gb', sortCode: s, accountNumber: a } };
}

/** The last four characters of the account (what is shown and stored). */
export function bankLast4(d: BankDetails): string {
  // Stored last4 is digits only; an IBAN's account part may end in letters in a few countries.
  return d.kind === 'gb' ? d.accountNumber.slice(-4) : d.iban.slice(4).replace(/\D/g, '').slice(-4).padStart(4, '0');
}

/** What may be shown in full: the sort code ("12-34-56") or the IBAN's country + bank code. */
export function bankIdentifier(d: BankDetails): string {
  return d.kind === 'gb' ? `${d.sortCode.slice(0, 2)}-${d.sortCode.slice(2, 4)}-${d.sortCode.slice(4)}` : d.iban.slice(0, 8);
}
