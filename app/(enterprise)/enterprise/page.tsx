import type { Metadata } from 'next';
import Link from 'next/link';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { requirePermission } from '@/lib/core/auth/guards';
import { roleLabels } from '@/lib/core/auth/roles';

export const metadata: Metadata = { title: 'Enterprise overview' };

export default async function EnterpriseOverview() {
  const actor = await requirePermission('panel.enterprise');
  const membership = actor.memberships.find((m) => m.orgKind === 'enterprise');
  return (
    <div className="grid gap-6">
      <PageHeader eyebrow="Enterprise panel" title={membership?.orgName ?? 'Your organisation'} description={`You are signed in as ${membership ? roleLabels[membership.role] : 'a member'}.`} />
      {actor.roles.includes('enterprise_admin') ? (
        <Card>
          <CardHeader>
            <CardTitle>Members</CardTitle>
            <CardDescription>Who can book and approve for your organisation.</CardDescription>
          </CardHeader>
          <CardContent>
            <Link href="/enterprise/members" className="text-link underline underline-offset-4">
              See members
            </Link>
          </CardContent>
        </Card>
      ) : null}
    </div>
  );
}
