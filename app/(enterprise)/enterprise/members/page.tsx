import type { Metadata } from 'next';
import { guardedPage } from '@/components/layout/guarded-page';
import { forbidden } from 'next/navigation';
import { MembersTable } from '@/components/identity/members-table';
import { PageHeader } from '@/components/ui/page-header';
import { requirePermission } from '@/lib/core/auth/guards';
import { listOrgMembers } from '@/lib/identity/queries';

export const metadata: Metadata = { title: 'Members' };

async function EnterpriseMembersPageContent() {
  const actor = await requirePermission('org.members_read');
  if (!actor.enterpriseId) forbidden();
  const members = await listOrgMembers(actor, actor.enterpriseId);
  return (
    <div className="grid gap-6">
      <PageHeader title="Members" description="People in your organisation and their roles." />
      <MembersTable members={members} caption="Organisation members" />
    </div>
  );
}

export default guardedPage('org.members_read', EnterpriseMembersPageContent);
