import type { Metadata } from 'next';
import { forbidden } from 'next/navigation';
import { MembersTable } from '@/components/identity/members-table';
import { PageHeader } from '@/components/ui/page-header';
import { requirePermission } from '@/lib/core/auth/guards';
import { listOrgMembers } from '@/lib/identity/queries';

export const metadata: Metadata = { title: 'Members' };

export default async function EnterpriseMembersPage() {
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
