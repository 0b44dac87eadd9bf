import { redirect } from 'next/navigation';

/** The natural address of a rental's invoice; the document lives at /account/invoices/rental/<id>. */
export default async function RentalInvoiceRedirect({ params }: { params: Promise<{ id: string }> }) {
  redirect(`/account/invoices/rental/${encodeURIComponent((await params).id)}`);
}
