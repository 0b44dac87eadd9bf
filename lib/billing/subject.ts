/**
 * What an invoice is for: a booking, a marketplace order or a rental (exactly one per document,
 * CHECK invoices_one_subject). The business keys make issuing idempotent: one invoice per subject,
 * one credit note per refund.
 */
export type SubjectKind = 'booking' | 'order' | 'rental';

export interface InvoiceSubject {
  kind: SubjectKind;
  id: string;
}

/** Bookings keep their original key `invoice:<bookingId>`; orders and rentals name their kind. */
export const subjectInvoiceKey = (s: InvoiceSubject) => (s.kind === 'booking' ? `invoice:${s.id}` : `invoice:${s.kind}:${s.id}`);

export const subjectColumns = (s: InvoiceSubject) => ({
  bookingId: s.kind === 'booking' ? s.id : null,
  orderId: s.kind === 'order' ? s.id : null,
  rentalId: s.kind === 'rental' ? s.id : null,
});

export const subjectLabel: Record<SubjectKind, string> = { booking: 'Booking', order: 'Order', rental: 'Rental' };
