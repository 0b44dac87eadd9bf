import type { Metadata } from 'next';
import { SubjectPanel } from '@/components/compliance/subject-panel';
import { guardedPage } from '@/components/layout/guarded-page';
import { PageHeader } from '@/components/ui/page-header';
import { renterDocumentsView } from '@/lib/compliance/queries';
import { requestCtx } from '@/lib/core/auth/session';

export const metadata: Metadata = { title: 'ID & insurance' };

async function DocumentsContent() {
  const ctx = await requestCtx();
  const view = await renterDocumentsView(ctx);
  const complete = view.states.every((s) => s.state === 'valid');
  return (
    <>
      <PageHeader
        title="ID & insurance"
        description="Some tools are marked “insurance required”: to rent them you need a valid proof of identity and an insurance certificate on file, checked by Fixnado operations. Upload them once; we remind you before they expire."
      />
      <p role="status" className="mb-4 text-sm">
        {complete ? 'You can rent items marked “insurance required”.' : 'Until both documents are valid you cannot rent items marked “insurance required”. Other items are not affected.'}
      </p>
      <SubjectPanel view={view} today={view.today} title="Your documents" description="Proof of identity and an insurance certificate covering hired equipment." />
    </>
  );
}

export default guardedPage('compliance.submit', DocumentsContent, 'Loading your documents…');
