import { redirect } from 'next/navigation';

/** A document from the billing list by id; it is shown at /provider/invoices/<id>. */
export default async function ProviderBillingDocumentRedirect({ params }: { params: Promise<{ id: string }> }) {
  redirect(`/provider/invoices/${encodeURIComponent((await params).id)}`);
}
