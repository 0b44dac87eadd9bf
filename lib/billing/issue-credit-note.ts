/**
 * issueCreditNote(c, subject, amountMinor, refundKey) — when a refund of a captured payment is
 * posted (booking-money, order-money, rental-money), a credit note for the refunded amount
 * correcting the subject's invoice, in the same transaction. `subject` is a booking id or
 * { kind, id } for an order or a rental. Idempotent per refund (business key
 * `credit-note:<refund business key>`). A subject without an invoice yet gets nothing here:
 * a booking captured before invoicing existed, or a rental refunded in a dispute before its
 * settlement (its invoice is issued at settlement, followed by the credit notes of those refunds —
 * rental-money.ts).
 */
import type { Tx } from '@/db/client';
import { invoices } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import type { Ctx } from '@/lib/core/context';
import { newId } from '@/lib/core/ids';
import { toWire } from '@/lib/core/money';
import { findByBusinessKey } from './issue-invoice';
import { nextInvoiceNumber, seriesFor } from './internal';
import { creditLines } from './lines';
import { toInvoiceDoc, type InvoiceDoc } from './queries';
import type { InvoiceLine } from './schemas';
import { subjectColumns, subjectInvoiceKey, type InvoiceSubject } from './subject';

export const creditNoteKey = (refundKey: string) => `credit-note:${refundKey}`;

export async function issueCreditNote(
  c: Ctx & { tx: Tx },
  subjectOrBookingId: InvoiceSubject | string,
  amountMinor: bigint,
  refundKey: string,
  credited?: (l: InvoiceLine) => boolean,
): Promise<{ creditNote: InvoiceDoc; created: boolean } | null> {
  const subject: InvoiceSubject = typeof subjectOrBookingId === 'string' ? { kind: 'booking', id: subjectOrBookingId } : subjectOrBookingId;
  const key = creditNoteKey(refundKey);
  const existing = await findByBusinessKey(c.tx, key);
  if (existing) return { creditNote: toInvoiceDoc(existing), created: false };
  const invoiceRow = await findByBusinessKey(c.tx, subjectInvoiceKey(subject));
  if (!invoiceRow || amountMinor <= 0n) return null;
  const invoice = toInvoiceDoc(invoiceRow);
  const totals = creditLines(invoice.lines, amountMinor, credited);
  const number = await nextInvoiceNumber(c.tx, seriesFor(c.now));
  // Supplier and buyer as on the invoice it corrects: a credit note mirrors its invoice.
  const [row] = await c.tx
    .insert(invoices)
    .values({
      id: newId(),
      number,
      kind: 'credit_note',
      ...subjectColumns(subject),
      customerId: invoice.customerId,
      buyerOrgId: invoice.buyerOrgId,
      providerOrgId: invoice.providerOrgId,
      correctsInvoiceId: invoice.id,
      currency: invoice.currency,
      netMinor: totals.netMinor,
      taxMinor: totals.taxMinor,
      totalMinor: totals.totalMinor,
      taxRateBp: invoice.taxRateBp,
      supplier: invoice.supplier,
      buyer: invoice.buyer,
      lines: totals.lines,
      businessKey: key,
      issuedAt: c.now,
      createdAt: c.now,
    })
    .returning();
  await recordAudit(c, {
    action: 'invoices.credit_note',
    entityType: 'invoice',
    entityId: row!.id,
    tenantId: invoice.providerOrgId,
    data: { number, [`${subject.kind}Id`]: subject.id, correctsInvoiceId: invoice.id, totalMinor: toWire(totals.totalMinor) },
  });
  return { creditNote: toInvoiceDoc(row!), created: true };
}
