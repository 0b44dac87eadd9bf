import type { Metadata } from 'next';
import Link from 'next/link';
import { ShieldCheck } from 'lucide-react';
import { SellerSummary } from '@/components/compliance/seller-summary';
import { SubjectPanel } from '@/components/compliance/subject-panel';
import { guardedPage } from '@/components/layout/guarded-page';
import { buttonClasses } from '@/components/ui/button-classes';
import { PageHeader } from '@/components/ui/page-header';
import { EmptyState } from '@/components/ui/states';
import { providerComplianceView } from '@/lib/compliance/queries';
import { requestCtx } from '@/lib/core/auth/session';

export const metadata: Metadata = { title: 'Compliance' };

/**
 * Role-aware: a provider admin sees the business's insured-seller status, its documents and its
 * crew's; a serviceman sees and uploads their own identity and DBS documents.
 */
async function ComplianceContent() {
  const ctx = await requestCtx();
  const view = await providerComplianceView(ctx);
  const { business, crew, self } = view;
  return (
    <>
      <PageHeader
        title="Compliance"
        description={
          business
            ? 'Insurance, public liability and identity documents for your business, and identity and DBS checks for your crew. Fixnado operations review each upload.'
            : 'Your identity and DBS check. Fixnado operations review each upload; your business admin can see them too.'
        }
      />
      {!business && !self.length ? (
        <EmptyState
          icon={<ShieldCheck aria-hidden="true" />}
          title="No business or crew profile"
          description="Compliance documents belong to a provider business or its crew. Renters upload their ID and insurance under their account."
          action={
            <Link className={buttonClasses()} href="/account/documents">
              Go to ID & insurance
            </Link>
          }
        />
      ) : null}
      <div className="grid gap-6">
        {business ? (
          <>
            <SellerSummary seller={business.seller} name={business.subject.name} />
            <SubjectPanel view={business} today={business.today} title="Business documents" description="Insurance certificate, public liability insurance and proof of identity." />
          </>
        ) : null}
        {self.map((v) => (
          <SubjectPanel key={v.subject.id} view={v} today={v.today} title={`Your documents (${v.subject.name})`} description="Proof of identity and a DBS check." />
        ))}
        {business ? (
          <section aria-labelledby="crew-heading" className="grid gap-4">
            <h2 id="crew-heading" className="text-xl font-semibold">
              Crew documents
            </h2>
            {crew.length ? (
              crew.map((v) => <SubjectPanel key={v.subject.id} view={v} today={v.today} headingLevel="h3" autoOpenUpload={false} title={v.subject.name} description="Proof of identity and a DBS check." />)
            ) : (
              <p className="text-sm text-muted">No crew members yet.</p>
            )}
          </section>
        ) : null}
      </div>
    </>
  );
}

export default guardedPage('compliance.submit', ComplianceContent, 'Loading compliance…');
