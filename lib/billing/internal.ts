/**
 * Shared steps of issuing: gapless numbering and the party snapshots frozen into a document.
 * Called inside the money transaction of the booking (lib/finance/booking-money.ts).
 */
import { and, eq, gt, inArray, isNull, or, sql } from 'drizzle-orm';
import { rowsOf, type Tx } from '@/db/client';
import { billingProfiles, memberships, organisations, users } from '@/db/schema';
import { countryName, PLATFORM_LEGAL_NAME, type PartySnapshot, type SupplierSnapshot } from './schemas';

/** Invoice series per calendar year (UTC): FX-2026. */
export function seriesFor(at: Date): string {
  return `FX-${at.getUTCFullYear()}`;
}

/**
 * The next number of a series, gapless: the counter row is incremented under its row lock in the
 * issuing transaction, so a rolled-back issue gives its number back and concurrent issues queue.
 */
export async function nextInvoiceNumber(tx: Tx, series: string): Promise<string> {
  const [row] = rowsOf<{ last_number: number }>(
    await tx.execute(sql`
      insert into invoice_counters (series, last_number) values (${series}, 1)
      on conflict (series) do update set last_number = invoice_counters.last_number + 1
      returning last_number`),
  );
  return `${series}-${String(row!.last_number).padStart(6, '0')}`;
}

type ProfileRow = typeof billingProfiles.$inferSelect;

export function profileSnapshot(p: ProfileRow): PartySnapshot {
  const country = p.country.trim();
  return {
    legalName: p.legalName,
    vatNumber: p.vatNumber,
    companyNumber: p.companyNumber,
    addressLines: [p.addressLine1, p.addressLine2, p.city, p.postcode, countryName(country)].filter((l) => l && l.trim()),
    country,
    email: p.invoiceEmail,
  };
}

const bare = (legalName: string, email: string | null = null): PartySnapshot => ({ legalName, vatNumber: null, companyNumber: null, addressLines: [], country: null, email });

/** The platform as the issuer: its own billing profile when the platform organisation has one. */
async function platformSnapshot(tx: Tx): Promise<PartySnapshot> {
  const [row] = await tx
    .select({ p: billingProfiles })
    .from(billingProfiles)
    .innerJoin(organisations, eq(organisations.id, billingProfiles.orgId))
    .where(eq(organisations.kind, 'platform'))
    .limit(1);
  return row ? profileSnapshot(row.p) : bare(PLATFORM_LEGAL_NAME);
}

/** Supplier = the provider's billing profile; without one, its organisation name (still a valid invoice). */
export async function supplierSnapshot(tx: Tx, providerOrgId: string): Promise<SupplierSnapshot> {
  const agent = await platformSnapshot(tx);
  const [profile] = await tx.select().from(billingProfiles).where(eq(billingProfiles.orgId, providerOrgId));
  if (profile) return { ...profileSnapshot(profile), agent };
  const [org] = await tx.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, providerOrgId));
  return { ...bare(org?.name ?? 'Provider'), agent };
}

/**
 * Buyer: bookings carry no organisation, so an enterprise is the buyer when the customer is an
 * active member of an enterprise that has set up its billing details (it pays for its people's
 * bookings); otherwise the customer's own details, else their name and email.
 */
export async function buyerSnapshot(tx: Tx, customerId: string, at: Date): Promise<{ buyer: PartySnapshot; buyerOrgId: string | null }> {
  const [org] = await tx
    .select({ orgId: memberships.orgId, p: billingProfiles })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.orgId))
    .innerJoin(billingProfiles, eq(billingProfiles.orgId, memberships.orgId))
    .where(
      and(
        eq(memberships.userId, customerId),
        inArray(memberships.role, ['enterprise_admin', 'enterprise_member']),
        eq(organisations.kind, 'enterprise'),
        or(isNull(memberships.expiresAt), gt(memberships.expiresAt, at)),
      ),
    )
    .orderBy(memberships.orgId)
    .limit(1);
  if (org?.orgId) return { buyer: profileSnapshot(org.p), buyerOrgId: org.orgId };
  const [own] = await tx.select().from(billingProfiles).where(eq(billingProfiles.userId, customerId));
  if (own) return { buyer: profileSnapshot(own), buyerOrgId: null };
  const [user] = await tx.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, customerId));
  return { buyer: bare(user?.name || 'Customer', user?.email ?? null), buyerOrgId: null };
}
