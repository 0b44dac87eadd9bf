import type { Metadata } from 'next';
import Link from 'next/link';
import { Plus } from 'lucide-react';
import { guardedPage } from '@/components/layout/guarded-page';
import { buttonClasses } from '@/components/ui/button-classes';
import { PageHeader } from '@/components/ui/page-header';
import { CrewTable, type CrewRow } from '@/components/crew/crew-table.client';
import { can } from '@/lib/core/auth/permissions';
import { requestCtx } from '@/lib/core/auth/session';
import { listServicemen } from '@/lib/crew/queries';

export const metadata: Metadata = { title: 'Crew' };

async function CrewContent() {
  const ctx = await requestCtx();
  const admin = can(ctx.actor, 'crew.manage');
  // The domain scopes the list: a provider admin sees the crew, a serviceman only himself.
  const crew = await listServicemen(ctx);
  const rows: CrewRow[] = crew.map((m) => ({
    id: m.id,
    displayName: m.displayName,
    skills: m.skills.join(', '),
    timeZone: m.timeZone,
    canLead: m.canLead,
    status: m.status,
    linkedEmail: admin ? m.linkedEmail : null,
    isSelf: m.isSelf,
  }));
  return (
    <div className="grid gap-6">
      <PageHeader
        title={admin ? 'Crew' : 'My availability'}
        description={
          admin
            ? 'The people who do the work: skills, working hours, exceptions and time off. Customers only see slots your crew can really take.'
            : 'Your working hours, days off and time off. Customers only see slots when you are free.'
        }
        actions={
          admin ? (
            <div className="flex flex-wrap gap-2">
              <Link href="/provider/crew/invite" className={buttonClasses({ variant: 'secondary' })}>
                Invite by email
              </Link>
              <Link href="/provider/crew/new" className={buttonClasses()}>
                <Plus aria-hidden="true" />
                Add crew member
              </Link>
            </div>
          ) : undefined
        }
      />
      <CrewTable rows={rows} canAdd={admin} />
    </div>
  );
}

export default guardedPage('panel.provider', CrewContent, 'Loading crew…');
