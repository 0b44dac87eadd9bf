/**
 * Reads of billing profiles and issued invoices. Every read checks the tenant itself: a customer
 * sees the documents of their own bookings, orders and rentals, an enterprise admin its
 * organisation's, a provider admin those it supplied, finance all of them, and operations those of
 * the orders and rentals (and bookings) they may already read.
 */
import { asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { billingProfiles, bookings, invoices, orders, rentals } from '@/db/schema';
import { authorize, can, type Permission } from '@/lib/core/auth/permissions';
import { exec, type Ctx, type UserActor } from '@/lib/core/context';
import { forbidden, notFound, unauthenticated } from '@/lib/core/errors';
import { toMinor } from '@/lib/core/money';
import type { InvoiceLine, PartySnapshot, SupplierSnapshot } from './schemas';
import type { InvoiceSubject, SubjectKind } from './subject';

export const BILLING_PERMISSION: Permission = 'billing.manage_own';
export const INVOICE_READ_PERMISSION: Permission = 'invoices.read_own';

export interface BillingProfile {
  id: string;
  legalName: string;
  vatNumber: string | null;
  companyNumber: string | null;
  addressLine1: string;
  addressLine2: string;
  city: string;
  postcode: string;
  country: string;
  invoiceEmail: string | null;
  updatedAt: string;
}

export function toBillingProfile(r: typeof billingProfiles.$inferSelect): BillingProfile {
  return {
    id: r.id,
    legalName: r.legalName,
    vatNumber: r.vatNumber,
    companyNumber: r.companyNumber,
    addressLine1: r.addressLine1,
    addressLine2: r.addressLine2,
    city: r.city,
    postcode: r.postcode,
    country: r.country.trim(),
    invoiceEmail: r.invoiceEmail,
    updatedAt: r.updatedAt.toISOString(),
  };
}

export interface InvoiceDoc {
  id: string;
  number: string;
  kind: 'invoice' | 'credit_note';
  bookingId: string | null;
  orderId: string | null;
  rentalId: string | null;
  /** What the document is for, and that subject's reference (FX-… booking, OR-… order, RN-… rental). */
  subjectKind: SubjectKind;
  subjectId: string;
  reference: string | null;
  /** The reference when the subject is a booking (kept for the booking screens). */
  bookingReference: string | null;
  customerId: string | null;
  buyerOrgId: string | null;
  providerOrgId: string;
  correctsInvoiceId: string | null;
  currency: string;
  netMinor: bigint;
  taxMinor: bigint;
  totalMinor: bigint;
  taxRateBp: number;
  supplier: SupplierSnapshot;
  buyer: PartySnapshot;
  lines: InvoiceLine[];
  issuedAt: Date;
}

type InvoiceRow = typeof invoices.$inferSelect;

export function toInvoiceDoc(r: InvoiceRow, reference: string | null = null): InvoiceDoc {
  return {
    id: r.id,
    number: r.number,
    kind: r.kind,
    bookingId: r.bookingId,
    orderId: r.orderId,
    rentalId: r.rentalId,
    subjectKind: r.orderId ? 'order' : r.rentalId ? 'rental' : 'booking',
    subjectId: (r.orderId ?? r.rentalId ?? r.bookingId)!,
    reference,
    bookingReference: r.bookingId ? reference : null,
    customerId: r.customerId,
    buyerOrgId: r.buyerOrgId,
    providerOrgId: r.providerOrgId,
    correctsInvoiceId: r.correctsInvoiceId,
    currency: r.currency.trim(),
    netMinor: toMinor(r.netMinor),
    taxMinor: toMinor(r.taxMinor),
    totalMinor: toMinor(r.totalMinor),
    taxRateBp: r.taxRateBp,
    supplier: r.supplier as SupplierSnapshot,
    buyer: r.buyer as PartySnapshot,
    lines: r.lines as InvoiceLine[],
    issuedAt: r.issuedAt,
  };
}

function userActor(ctx: Ctx): UserActor {
  if (ctx.actor.kind !== 'user') throw unauthenticated();
  return ctx.actor;
}

const orgIdsWithRole = (actor: UserActor, role: 'provider_admin' | 'enterprise_admin') =>
  actor.memberships.filter((m) => m.role === role && m.orgId).map((m) => m.orgId!);

/** The caller's own billing details (null until saved). */
export async function getMyBillingProfile(ctx: Ctx): Promise<BillingProfile | null> {
  const actor = userActor(ctx);
  authorize(actor, BILLING_PERMISSION);
  const [row] = await exec(ctx).select().from(billingProfiles).where(eq(billingProfiles.userId, actor.userId));
  return row ? toBillingProfile(row) : null;
}

/** An organisation's billing details; only its admin (or finance) may read them here. */
export async function getOrgBillingProfile(ctx: Ctx, orgId: string): Promise<BillingProfile | null> {
  const actor = userActor(ctx);
  const mine = [...orgIdsWithRole(actor, 'provider_admin'), ...orgIdsWithRole(actor, 'enterprise_admin')].includes(orgId);
  if (!mine && !can(actor, 'invoices.read_all')) throw notFound('That organisation');
  const [row] = await exec(ctx).select().from(billingProfiles).where(eq(billingProfiles.orgId, orgId));
  return row ? toBillingProfile(row) : null;
}

const withReference = { invoice: invoices, reference: sql<string | null>`coalesce(${bookings.reference}, ${orders.reference}, ${rentals.reference})` };

/** Invoices joined to their subject, for its reference. */
function selectDocs(ex: Executor, where: SQL | undefined) {
  return ex
    .select(withReference)
    .from(invoices)
    .leftJoin(bookings, eq(bookings.id, invoices.bookingId))
    .leftJoin(orders, eq(orders.id, invoices.orderId))
    .leftJoin(rentals, eq(rentals.id, invoices.rentalId))
    .where(where);
}

/** Invoices and credit notes for the caller: `mine` (as customer) or one organisation they administer. */
export async function listInvoices(ctx: Ctx, scope: { customer: true } | { buyerOrgId: string } | { providerOrgId: string }, limit = 500): Promise<InvoiceDoc[]> {
  const actor = userActor(ctx);
  authorize(actor, INVOICE_READ_PERMISSION);
  let where;
  if ('customer' in scope) where = eq(invoices.customerId, actor.userId);
  else if ('buyerOrgId' in scope) {
    if (!orgIdsWithRole(actor, 'enterprise_admin').includes(scope.buyerOrgId)) throw notFound('That organisation');
    where = eq(invoices.buyerOrgId, scope.buyerOrgId);
  } else {
    if (!orgIdsWithRole(actor, 'provider_admin').includes(scope.providerOrgId)) throw notFound('That organisation');
    where = eq(invoices.providerOrgId, scope.providerOrgId);
  }
  const rows = await selectDocs(exec(ctx), where).orderBy(desc(invoices.issuedAt), desc(invoices.number)).limit(limit);
  return rows.map((r) => toInvoiceDoc(r.invoice, r.reference));
}

/** Operations read the documents of the subjects they already may read (orders, rentals, bookings). */
const opsReadPermission: Record<SubjectKind, Permission> = { booking: 'bookings.read_all', order: 'orders.read_all', rental: 'rentals.read_all' };

const subjectColumn = { booking: invoices.bookingId, order: invoices.orderId, rental: invoices.rentalId } as const;

/**
 * A subject's invoice and its credit notes, oldest first. Who may see them: the buyer (the
 * customer, or the admin of the enterprise billed), the supplier's admins, finance, and operations
 * for what they may read anyway. Anyone else gets NOT_FOUND (not FORBIDDEN), so ids of other
 * tenants' documents are not confirmed.
 */
export async function getSubjectDocuments(ctx: Ctx, subject: InvoiceSubject): Promise<InvoiceDoc[]> {
  const actor = userActor(ctx);
  const readAll = can(actor, 'invoices.read_all') || can(actor, opsReadPermission[subject.kind]);
  if (!readAll) authorize(actor, INVOICE_READ_PERMISSION);
  const rows = await selectDocs(exec(ctx), eq(subjectColumn[subject.kind], subject.id)).orderBy(asc(invoices.issuedAt), asc(invoices.number));
  if (rows.length === 0) return [];
  const first = rows[0].invoice;
  const allowed =
    readAll ||
    first.customerId === actor.userId ||
    (first.buyerOrgId !== null && orgIdsWithRole(actor, 'enterprise_admin').includes(first.buyerOrgId)) ||
    orgIdsWithRole(actor, 'provider_admin').includes(first.providerOrgId);
  if (!allowed) throw notFound('That invoice');
  return rows.map((r) => toInvoiceDoc(r.invoice, r.reference));
}

export const getBookingDocuments = (ctx: Ctx, bookingId: string) => getSubjectDocuments(ctx, { kind: 'booking', id: bookingId });

/** The documents of the subject of one invoice or credit note (the lists link documents by id). */
export async function getDocumentsOfInvoice(ctx: Ctx, invoiceId: string): Promise<InvoiceDoc[]> {
  userActor(ctx);
  const [row] = await exec(ctx).select({ b: invoices.bookingId, o: invoices.orderId, r: invoices.rentalId }).from(invoices).where(eq(invoices.id, invoiceId));
  if (!row) throw notFound('That invoice');
  const subject: InvoiceSubject = row.o ? { kind: 'order', id: row.o } : row.r ? { kind: 'rental', id: row.r } : { kind: 'booking', id: row.b! };
  const docs = await getSubjectDocuments(ctx, subject);
  if (docs.length === 0) throw notFound('That invoice');
  return docs;
}

/** Finance: any documents by number (for the admin views and support). */
export async function findInvoices(ctx: Ctx, numbers: string[]): Promise<InvoiceDoc[]> {
  const actor = userActor(ctx);
  if (!can(actor, 'invoices.read_all')) throw forbidden();
  if (numbers.length === 0) return [];
  const rows = await selectDocs(exec(ctx), inArray(invoices.number, numbers));
  return rows.map((r) => toInvoiceDoc(r.invoice, r.reference));
}
