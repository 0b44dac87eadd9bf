import { redirect } from 'next/navigation';

/** The natural address of an order's invoice; the document lives at /account/invoices/order/<id>. */
export default async function OrderInvoiceRedirect({ params }: { params: Promise<{ id: string }> }) {
  redirect(`/account/invoices/order/${encodeURIComponent((await params).id)}`);
}
