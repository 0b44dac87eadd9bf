/**
 * issueInvoice(c, bookingId) — the VAT invoice for a booking, issued when its payment is captured
 * (lib/finance/booking-money.ts recordCapture), inside that transaction. Idempotent by business key
 * `invoice:<bookingId>` (one invoice per booking); numbered gaplessly in the year's series.
 * No authorisation here: it is a step of the capture, which its caller has already authorised.
 * Orders and rentals: issue-commerce-invoice.ts, through the same `insertInvoice`.
 */
import { eq } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { bookings, invoices, services } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import type { Ctx } from '@/lib/core/context';
import { notFound } from '@/lib/core/errors';
import { newId } from '@/lib/core/ids';
import { toMinor, toWire } from '@/lib/core/money';
import { buyerSnapshot, nextInvoiceNumber, seriesFor, supplierSnapshot } from './internal';
import { invoiceLines, type InvoiceTotals } from './lines';
import { toInvoiceDoc, type InvoiceDoc } from './queries';
import { subjectColumns, subjectInvoiceKey, type InvoiceSubject } from './subject';

export const invoiceKey = (bookingId: string) => subjectInvoiceKey({ kind: 'booking', id: bookingId });

export async function findByBusinessKey(tx: Tx, key: string) {
  const [row] = await tx.select().from(invoices).where(eq(invoices.businessKey, key));
  return row ?? null;
}

/**
 * Inserts a subject's invoice: supplier and buyer snapshots, the next gapless number, the lines
 * already computed by the caller, and the audit row — all in the caller's transaction.
 */
export async function insertInvoice(
  c: Ctx & { tx: Tx },
  subject: InvoiceSubject,
  s: { reference: string; customerId: string; providerOrgId: string; currency: string; taxRateBp: number; totals: (agentName: string) => InvoiceTotals },
): Promise<{ invoice: InvoiceDoc; created: boolean }> {
  const key = subjectInvoiceKey(subject);
  const existing = await findByBusinessKey(c.tx, key);
  if (existing) return { invoice: toInvoiceDoc(existing, s.reference), created: false };
  const supplier = await supplierSnapshot(c.tx, s.providerOrgId);
  const { buyer, buyerOrgId } = await buyerSnapshot(c.tx, s.customerId, c.now);
  const totals = s.totals(supplier.agent.legalName);
  const number = await nextInvoiceNumber(c.tx, seriesFor(c.now));
  const currency = s.currency.trim();
  const [row] = await c.tx
    .insert(invoices)
    .values({
      id: newId(),
      number,
      kind: 'invoice',
      ...subjectColumns(subject),
      customerId: s.customerId,
      buyerOrgId,
      providerOrgId: s.providerOrgId,
      currency,
      netMinor: totals.netMinor,
      taxMinor: totals.taxMinor,
      totalMinor: totals.totalMinor,
      taxRateBp: s.taxRateBp,
      supplier,
      buyer,
      lines: totals.lines,
      businessKey: key,
      issuedAt: c.now,
      createdAt: c.now,
    })
    .returning();
  await recordAudit(c, {
    action: 'invoices.issue',
    entityType: 'invoice',
    entityId: row!.id,
    tenantId: s.providerOrgId,
    data: { number, [`${subject.kind}Id`]: subject.id, totalMinor: toWire(totals.totalMinor), currency },
  });
  return { invoice: toInvoiceDoc(row!, s.reference), created: true };
}

export async function issueInvoice(c: Ctx & { tx: Tx }, bookingId: string): Promise<{ invoice: InvoiceDoc; created: boolean }> {
  const existing = await findByBusinessKey(c.tx, invoiceKey(bookingId));
  if (existing) return { invoice: toInvoiceDoc(existing), created: false };
  const [b] = await c.tx
    .select({
      id: bookings.id,
      reference: bookings.reference,
      customerId: bookings.customerId,
      providerOrgId: bookings.providerOrgId,
      currency: bookings.currency,
      priceMinor: bookings.priceMinor,
      serviceFeeMinor: bookings.serviceFeeMinor,
      taxMinor: bookings.taxMinor,
      taxRateBp: bookings.taxRateBp,
      taxInclusive: bookings.taxInclusive,
      totalMinor: bookings.totalMinor,
      serviceTitle: services.title,
    })
    .from(bookings)
    .innerJoin(services, eq(services.id, bookings.serviceId))
    .where(eq(bookings.id, bookingId));
  if (!b) throw notFound('That booking');
  return insertInvoice(c, { kind: 'booking', id: bookingId }, {
    reference: b.reference,
    customerId: b.customerId,
    providerOrgId: b.providerOrgId,
    currency: b.currency,
    taxRateBp: b.taxRateBp,
    totals: (agent) =>
      invoiceLines(
        {
          priceMinor: toMinor(b.priceMinor),
          serviceFeeMinor: toMinor(b.serviceFeeMinor),
          taxMinor: toMinor(b.taxMinor),
          taxRateBp: b.taxRateBp,
          taxInclusive: b.taxInclusive,
          totalMinor: toMinor(b.totalMinor),
        },
        `${b.serviceTitle} — booking ${b.reference}`,
        agent,
      ),
  });
}
