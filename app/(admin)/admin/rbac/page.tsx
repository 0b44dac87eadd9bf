import type { Metadata } from 'next';
import { guardedPage } from '@/components/layout/guarded-page';
import Link from 'next/link';
import { Search } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { buttonClasses } from '@/components/ui/button-classes';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { PageHeader } from '@/components/ui/page-header';
import { requirePermission } from '@/lib/core/auth/guards';
import { can } from '@/lib/core/auth/permissions';
import { roleLabels } from '@/lib/core/auth/roles';
import { now } from '@/lib/core/clock';
import { listOrganisations, listUsersWithRoles } from '@/lib/identity';
import { formatDateTime } from '@/lib/core/format-time';
import { GrantRoleForm } from './grant-role-form';
import { UsersTable, type RbacUserView } from './users-table.client';

export const metadata: Metadata = { title: 'Roles & access' };

const PAGE_LIMIT = 100;

async function RbacPageContent({ searchParams }: { searchParams: Promise<{ q?: string | string[] }> }) {
  const actor = await requirePermission('rbac.read');
  const raw = (await searchParams).q;
  const q = (Array.isArray(raw) ? raw[0] : raw)?.trim().slice(0, 120) ?? '';
  const [users, organisations] = await Promise.all([
    listUsersWithRoles(actor, { search: q || undefined, limit: PAGE_LIMIT }),
    listOrganisations(actor),
  ]);
  const at = now();
  const rows: RbacUserView[] = users.map((u) => ({
    id: u.id,
    email: u.email,
    name: u.name,
    disabled: u.disabled,
    verified: u.verified,
    isSelf: u.id === actor.userId,
    memberships: u.memberships.map((m) => ({
      id: m.id,
      role: m.role,
      roleLabel: roleLabels[m.role],
      orgName: m.orgName,
      reason: m.reason,
      until: m.expiresAt ? formatDateTime(m.expiresAt) : null,
      expired: m.expiresAt !== null && m.expiresAt.getTime() <= at.getTime(),
    })),
  }));

  return (
    <>
      <PageHeader
        title="Roles & access"
        description="Who holds which role. Role changes apply on the person’s next request; disabling an account also ends all of its sessions."
      />
      <div className="grid gap-6">
        <Card>
          <CardHeader>
            <CardTitle>Grant a role</CardTitle>
            <CardDescription>
              Granting a role someone already holds in that organisation updates its expiry and reason instead.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <GrantRoleForm
              organisations={organisations.map((o) => ({ slug: o.slug, name: o.name, kind: o.kind }))}
              canGrant={can(actor, 'rbac.grant')}
            />
          </CardContent>
        </Card>

        <section aria-labelledby="users-heading" className="grid gap-3">
          <h2 id="users-heading" className="text-lg font-semibold">
            Users
          </h2>
          <form method="get" role="search" className="flex flex-wrap items-end gap-2">
            <div className="grid min-w-0 flex-1 basis-56 gap-1.5">
              <Label htmlFor="rbac-search">Search by name or email</Label>
              <Input id="rbac-search" type="search" name="q" defaultValue={q} maxLength={120} autoComplete="off" />
            </div>
            <Button type="submit" variant="secondary">
              <Search aria-hidden="true" />
              Search
            </Button>
            {q ? (
              <Link href="/admin/rbac" className={buttonClasses({ variant: 'ghost' })}>
                Clear search
              </Link>
            ) : null}
          </form>
          <p className="text-sm text-muted" role="status">
            {q ? `${users.length} ${users.length === 1 ? 'user matches' : 'users match'} “${q}”.` : `${users.length} ${users.length === 1 ? 'user' : 'users'}.`}
            {users.length === PAGE_LIMIT ? ` Showing the first ${PAGE_LIMIT}; narrow the search to find others.` : ''}
          </p>
          <UsersTable
            rows={rows}
            query={q}
            canRevoke={can(actor, 'rbac.revoke')}
            canChangeStatus={can(actor, 'users.disable')}
          />
        </section>
      </div>
    </>
  );
}

export default guardedPage('rbac.read', RbacPageContent);
