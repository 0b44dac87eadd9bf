import type { Metadata } from 'next';
import { InvoiceDocumentsView } from '@/components/billing/invoice-documents-view';
import { orNotFound } from '@/components/billing/or-not-found';
import { getDocumentsOfInvoice } from '@/lib/billing/queries';
import { requirePermission } from '@/lib/core/auth/guards';
import { requestCtx } from '@/lib/core/auth/session';

export const metadata: Metadata = { title: 'Invoice' };

/**
 * A document the provider supplied (booking, order or rental) with the other documents of that
 * sale, opened from /provider/billing. Read before anything streams (no Suspense, no loading.tsx),
 * so another tenant's id is a real 404.
 */
export default async function ProviderInvoicePage({ params }: { params: Promise<{ id: string }> }) {
  await requirePermission('invoices.read_own');
  const { id } = await params;
  const docs = await orNotFound(getDocumentsOfInvoice(await requestCtx(), id));
  return (
    <InvoiceDocumentsView
      docs={docs}
      back={{ href: '/provider/billing', label: 'Back to business details' }}
      empty={{ title: 'No invoice', description: 'This document does not exist.' }}
      footnote={docs[0]?.subjectKind === 'rental' ? 'The renter’s refundable deposit is not invoiced: holding a deposit is not a sale. Charges taken from it are the settlement charge lines above.' : undefined}
    />
  );
}
