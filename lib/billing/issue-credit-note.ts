/**
 * issueCreditNote(c, bookingId, amountMinor, refundKey) — when a refund of a captured payment is
 * posted (lib/finance/booking-money.ts), a credit note for the refunded amount correcting the
 * booking's invoice, in the same transaction. Idempotent per refund (business key
 * `credit-note:<refund business key>`). A booking captured before invoicing existed has no
 * invoice to correct: nothing is issued.
 */
import type { Tx } from '@/db/client';
import { invoices } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import type { Ctx } from '@/lib/core/context';
import { newId } from '@/lib/core/ids';
import { toWire } from '@/lib/core/money';
import { findByBusinessKey, invoiceKey } from './issue-invoice';
import { nextInvoiceNumber, seriesFor } from './internal';
import { creditLines } from './lines';
import { toInvoiceDoc, type InvoiceDoc } from './queries';

export const creditNoteKey = (refundKey: string) => `credit-note:${refundKey}`;

export async function issueCreditNote(c: Ctx & { tx: Tx }, bookingId: string, amountMinor: bigint, refundKey: string): Promise<{ creditNote: InvoiceDoc; created: boolean } | null> {
  const key = creditNoteKey(refundKey);
  const existing = await findByBusinessKey(c.tx, key);
  if (existing) return { creditNote: toInvoiceDoc(existing), created: false };
  const invoiceRow = await findByBusinessKey(c.tx, invoiceKey(bookingId));
  if (!invoiceRow || amountMinor <= 0n) return null;
  const invoice = toInvoiceDoc(invoiceRow);
  const totals = creditLines(invoice.lines, amountMinor);
  const number = await nextInvoiceNumber(c.tx, seriesFor(c.now));
  // Supplier and buyer as on the invoice it corrects: a credit note mirrors its invoice.
  const [row] = await c.tx
    .insert(invoices)
    .values({
      id: newId(),
      number,
      kind: 'credit_note',
      bookingId,
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
    data: { number, bookingId, correctsInvoiceId: invoice.id, totalMinor: toWire(totals.totalMinor) },
  });
  return { creditNote: toInvoiceDoc(row!), created: true };
}
