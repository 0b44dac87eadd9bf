import type { Metadata } from 'next';
import Link from 'next/link';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Badge } from '@/components/ui/badge';
import { PageHeader } from '@/components/ui/page-header';
import { buttonClasses } from '@/components/ui/button-classes';
import { requirePermission } from '@/lib/core/auth/guards';
import { roleLabels } from '@/lib/core/auth/roles';
import { formatDateTime } from '@/lib/core/format-time';

export const metadata: Metadata = { title: 'My account' };

export default async function AccountPage() {
  const actor = await requirePermission('panel.account');
  return (
    <div className="grid gap-6">
      <PageHeader title={`Hello, ${actor.name}`} description="Your Fixnado account: profile, roles and sign-in security." />
      <div className="grid gap-4 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>Profile</CardTitle>
            <CardDescription>How providers and our team see you.</CardDescription>
          </CardHeader>
          <CardContent>
            <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-2 text-sm">
              <dt className="text-muted">Name</dt>
              <dd>{actor.name}</dd>
              <dt className="text-muted">Email</dt>
              <dd className="break-all">{actor.email}</dd>
            </dl>
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Your roles</CardTitle>
            <CardDescription>Roles decide which panels you can open.</CardDescription>
          </CardHeader>
          <CardContent className="grid gap-2">
            <ul className="flex flex-wrap gap-2">
              {actor.memberships.map((m) => (
                <li key={`${m.role}:${m.orgId ?? ''}`}>
                  <Badge tone={m.expiresAt ? 'warning' : 'neutral'}>
                    {roleLabels[m.role]}
                    {m.orgName ? ` · ${m.orgName}` : ''}
                    {m.expiresAt ? ` · until ${formatDateTime(m.expiresAt)}` : ''}
                  </Badge>
                </li>
              ))}
            </ul>
          </CardContent>
        </Card>
        <Card className="lg:col-span-2">
          <CardHeader>
            <CardTitle>Sign-in &amp; security</CardTitle>
            <CardDescription>Change your password or sign out of every device.</CardDescription>
          </CardHeader>
          <CardContent>
            <Link href="/account/security" className={buttonClasses({ variant: 'secondary' })}>
              Manage security
            </Link>
          </CardContent>
        </Card>
      </div>
    </div>
  );
}
