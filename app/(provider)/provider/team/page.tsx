import type { Metadata } from 'next';
import { guardedPage } from '@/components/layout/guarded-page';
import { forbidden } from 'next/navigation';
import { MembersTable } from '@/components/identity/members-table';
import { PageHeader } from '@/components/ui/page-header';
import { requirePermission } from '@/lib/core/auth/guards';
import { listOrgMembers } from '@/lib/identity/queries';

export const metadata: Metadata = { title: 'Team' };

async function ProviderTeamPageContent() {
  const actor = await requirePermission('org.members_read');
  if (!actor.providerId) forbidden();
  const members = await listOrgMembers(actor, actor.providerId);
  return (
    <div className="grid gap-6">
      <PageHeader title="Team" description="The people in your business and their roles." />
      <MembersTable members={members} caption="Team members" />
    </div>
  );
}

export default guardedPage('org.members_read', ProviderTeamPageContent);
