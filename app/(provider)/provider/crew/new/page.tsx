import type { Metadata } from 'next';
import Link from 'next/link';
import { guardedPage } from '@/components/layout/guarded-page';
import { PageHeader } from '@/components/ui/page-header';
import { timeZoneChoices } from '@/components/crew/format';
import { ServicemanForm } from '@/components/crew/serviceman-form.client';
import { requestCtx } from '@/lib/core/auth/session';
import { newId } from '@/lib/core/ids';
import { listCategoryChoices } from '@/lib/catalog/queries';

export const metadata: Metadata = { title: 'Add crew member' };

async function NewCrewContent() {
  const ctx = await requestCtx();
  const categories = await listCategoryChoices(ctx);
  return (
    <div className="grid gap-6">
      <PageHeader
        eyebrow={
          <Link href="/provider/crew" className="text-link underline underline-offset-4">
            Crew
          </Link>
        }
        title="Add crew member"
        description="Then set their working hours on their page."
      />
      <ServicemanForm
        initial={{ displayName: '', skills: [], timeZone: 'Europe/London', canLead: true }}
        categories={categories}
        timeZones={timeZoneChoices('Europe/London')}
        idempotencyKey={newId()}
      />
    </div>
  );
}

export default guardedPage('crew.manage', NewCrewContent, 'Loading…');
