import type { Metadata } from 'next';
import Link from 'next/link';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { requirePermission } from '@/lib/core/auth/guards';
import { roleLabels } from '@/lib/core/auth/roles';

export const metadata: Metadata = { title: 'Provider dashboard' };

export default async function ProviderDashboard() {
  const actor = await requirePermission('panel.provider');
  const membership = actor.memberships.find((m) => m.orgKind === 'provider');
  const isAdmin = actor.roles.includes('provider_admin');
  return (
    <div className="grid gap-6">
      <PageHeader eyebrow="Provider panel" title={membership?.orgName ?? 'Your business'} description={`You are signed in as ${membership ? roleLabels[membership.role] : 'a team member'}.`} />
      <div className="grid gap-4 md:grid-cols-2">
        {isAdmin ? (
          <Card>
            <CardHeader>
              <CardTitle>Your team</CardTitle>
              <CardDescription>Everyone who works in your business on Fixnado and their role.</CardDescription>
            </CardHeader>
            <CardContent>
              <Link href="/provider/team" className="text-link underline underline-offset-4">
                See your team
              </Link>
            </CardContent>
          </Card>
        ) : null}
        <Card>
          <CardHeader>
            <CardTitle>Your account</CardTitle>
            <CardDescription>Password, sessions and the roles you hold.</CardDescription>
          </CardHeader>
          <CardContent>
            <Link href="/account/security" className="text-link underline underline-offset-4">
              Sign-in &amp; security
            </Link>
          </CardContent>
        </Card>
      </div>
    </div>
  );
}
