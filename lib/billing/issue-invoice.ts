/**
 * issueInvoice(c, bookingId) — the VAT invoice for a booking, issued when its payment is captured
 * (lib/finance/booking-money.ts recordCapture), inside that transaction. Idempotent by business key
 * `invoice:<bookingId>` (one invoice per booking); numbered gaplessly in the year's series.
 * No authorisation here: it is a step of the capture, which its caller has already authorised.
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
import { invoiceLines } from './lines';
import { toInvoiceDoc, type InvoiceDoc } from './queries';

export const invoiceKey = (bookingId: string) => `invoice:${bookingId}`;

export async function findByBusinessKey(tx: Tx, key: string) {
  const [row] = await tx.select().from(invoices).where(eq(invoices.businessKey, key));
  return row ?? null;
}

export async function issueInvoice(c: Ctx & { tx: Tx }, bookingId: string): Promise<{ invoice: InvoiceDoc; created: boolean }> {
  const key = invoiceKey(bookingId);
  const existing = await findByBusinessKey(c.tx, key);
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
  const supplier = await supplierSnapshot(c.tx, b.providerOrgId);
  const { buyer, buyerOrgId } = await buyerSnapshot(c.tx, b.customerId, c.now);
  const totals = invoiceLines(
    {
      priceMinor: toMinor(b.priceMinor),
      serviceFeeMinor: toMinor(b.serviceFeeMinor),
      taxMinor: toMinor(b.taxMinor),
      taxRateBp: b.taxRateBp,
      taxInclusive: b.taxInclusive,
      totalMinor: toMinor(b.totalMinor),
    },
    `${b.serviceTitle} — booking ${b.reference}`,
    supplier.agent.legalName,
  );
  const number = await nextInvoiceNumber(c.tx, seriesFor(c.now));
  const [row] = await c.tx
    .insert(invoices)
    .values({
      id: newId(),
      number,
      kind: 'invoice',
      bookingId,
      customerId: b.customerId,
      buyerOrgId,
      providerOrgId: b.providerOrgId,
      currency: b.currency.trim(),
      netMinor: totals.netMinor,
      taxMinor: totals.taxMinor,
      totalMinor: totals.totalMinor,
      taxRateBp: b.taxRateBp,
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
    tenantId: b.providerOrgId,
    data: { number, bookingId, totalMinor: toWire(totals.totalMinor), currency: b.currency.trim() },
  });
  return { invoice: toInvoiceDoc(row!, b.reference), created: true };
}
