import type { Metadata } from 'next';
import { InvoiceLinks } from '@/components/billing/invoice-documents-view';
import { customerDocumentHref } from '@/components/billing/invoice-rows';
import { guardedPage } from '@/components/layout/guarded-page';
import { RentalDetailPage } from '@/components/rentals/pages';
import { getSubjectDocuments } from '@/lib/billing/queries';
import { requestCtx } from '@/lib/core/auth/session';

export const metadata: Metadata = { title: 'Rental' };

async function Content({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  // The detail page answers 404 for a stranger first; the documents read checks access again.
  const detail = await RentalDetailPage({ id, viewer: 'customer' });
  const docs = await getSubjectDocuments(await requestCtx(), { kind: 'rental', id });
  return (
    <>
      {detail}
      {docs.length ? (
        <section aria-labelledby="rental-invoices-heading" className="mt-6 grid gap-2">
          <h2 id="rental-invoices-heading" className="text-base font-semibold">
            Invoices
          </h2>
          <InvoiceLinks docs={docs} href={customerDocumentHref({ subjectKind: 'rental', subjectId: id })} />
        </section>
      ) : null}
    </>
  );
}

export default guardedPage('rentals.request', Content, 'Loading the rental…');
