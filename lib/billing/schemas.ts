/**
 * Business details printed on invoices (DOMAIN.md "Money"): one shape for a provider (supplier),
 * an enterprise organisation and an individual customer (buyer). Validation names each field.
 */
import { z } from 'zod';

/** The platform's own name on invoices: it issues them as commercial agent for its service fee. */
export const PLATFORM_LEGAL_NAME = 'Fixnado';

const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });

/** True for an ISO 3166-1 alpha-2 code the runtime knows (an unknown code maps to itself). */
export function isCountryCode(code: string): boolean {
  // ZZ, EU, UN, QO and the X? pseudo-regions have names but are not countries (XK Kosovo is).
  if (!/^[A-Z]{2}$/.test(code) || ['ZZ', 'EU', 'EZ', 'UN', 'QO'].includes(code) || (code.startsWith('X') && code !== 'XK')) return false;
  return regionNames.of(code) !== code;
}

export function countryName(code: string): string {
  return regionNames.of(code) ?? code;
}

/** Normalises a VAT number: spaces, dots and dashes dropped, upper case. */
export function normaliseVatNumber(raw: string): string {
  return raw.replace(/[\s.-]/g, '').toUpperCase();
}

/**
 * UK VAT numbers are GB + 9 digits (or 12 for a branch of a group); other countries use their
 * two-letter prefix (EL for Greece) and 2–12 letters or digits — the VIES shape.
 */
export function vatNumberProblem(vat: string): string | null {
  if (vat.startsWith('GB')) return /^GB(\d{9}|\d{12})$/.test(vat) ? null : 'must be GB followed by 9 or 12 digits';
  return /^[A-Z]{2}[A-Z0-9]{2,12}$/.test(vat) ? null : 'must start with a two-letter country prefix followed by 2–12 letters or digits';
}

const UK_POSTCODE = /^(GIR ?0AA|[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2})$/;

/** "sw1a1aa" → "SW1A 1AA"; other countries keep what was typed (trimmed, upper case). */
export function normalisePostcode(raw: string, country: string): string {
  const up = raw.trim().toUpperCase().replace(/\s+/g, ' ');
  if (country !== 'GB') return up;
  const compact = up.replace(/ /g, '');
  return compact.length > 3 ? `${compact.slice(0, -3)} ${compact.slice(-3)}` : compact;
}

const optionalText = (max: number) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z.string().trim().max(max, `must be at most ${max} characters`).optional());

export const billingDetailsInput = z
  .object({
    legalName: z.string().trim().min(2, 'is required (at least 2 characters)').max(200, 'must be at most 200 characters'),
    vatNumber: optionalText(20).transform((v) => (v ? normaliseVatNumber(v) : undefined)),
    companyNumber: optionalText(30),
    addressLine1: z.string().trim().min(3, 'is required (at least 3 characters)').max(200, 'must be at most 200 characters'),
    addressLine2: optionalText(200),
    city: z.string().trim().min(1, 'is required').max(100, 'must be at most 100 characters'),
    postcode: z.string().trim().min(2, 'is required').max(16, 'must be at most 16 characters'),
    country: z
      .string()
      .trim()
      .transform((v) => v.toUpperCase())
      .refine(isCountryCode, 'must be a two-letter ISO country code such as GB'),
    invoiceEmail: optionalText(254).pipe(z.string().email('must be an email address').optional()),
  })
  .superRefine((v, ctx) => {
    if (v.vatNumber) {
      const problem = vatNumberProblem(v.vatNumber);
      if (problem) ctx.addIssue({ code: 'custom', path: ['vatNumber'], message: problem });
    }
    if (v.country === 'GB' && !UK_POSTCODE.test(v.postcode.toUpperCase().replace(/\s+/g, ' '))) {
      ctx.addIssue({ code: 'custom', path: ['postcode'], message: 'must be a UK postcode such as SW1A 1AA' });
    }
  })
  .transform((v) => ({ ...v, postcode: normalisePostcode(v.postcode, v.country) }));

/** Whose details are saved: the signed-in person's own, or an organisation they administer. */
export const billingOwnerInput = z.discriminatedUnion('owner', [
  z.object({ owner: z.literal('self') }),
  z.object({ owner: z.literal('provider'), orgId: z.string().uuid('must be an organisation id') }),
  z.object({ owner: z.literal('enterprise'), orgId: z.string().uuid('must be an organisation id') }),
]);

export type BillingOwner = z.output<typeof billingOwnerInput>;

export type BillingDetails = z.output<typeof billingDetailsInput>;

/** What an invoice prints about a party; frozen into the invoice at issue. */
export interface PartySnapshot {
  legalName: string;
  vatNumber: string | null;
  companyNumber: string | null;
  addressLines: string[];
  country: string | null;
  email: string | null;
}

/**
 * What a line is: a booking's `price`; an order's `goods` and `delivery`; a rental's `rental`,
 * `delivery` and settlement `charge`s; everyone's platform `service_fee`.
 */
export type InvoiceLineKey = 'price' | 'service_fee' | 'goods' | 'delivery' | 'rental' | 'charge';

/** One invoice line. Amounts are whole minor units (JSON numbers within the safe range). */
export interface InvoiceLine {
  key: InvoiceLineKey;
  description: string;
  /** Why a line carries the rate it does, printed with it (e.g. a rental charge without VAT). */
  note?: string;
  /** Who supplies this line: the provider (the service) or the platform (its service fee, as agent). */
  suppliedBy: 'provider' | 'platform';
  netMinor: number;
  taxMinor: number;
  grossMinor: number;
  taxRateBp: number;
}

export interface SupplierSnapshot extends PartySnapshot {
  /** The platform, which issues the invoice and collects payment as the supplier's commercial agent. */
  agent: PartySnapshot;
}
