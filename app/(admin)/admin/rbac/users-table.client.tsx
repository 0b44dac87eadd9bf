'use client';

import Link from 'next/link';
import { UserSearch } from 'lucide-react';
import { Badge } from '@/components/ui/badge';
import { buttonClasses } from '@/components/ui/button-classes';
import { DataTable, type DataTableColumn } from '@/components/ui/data-table';
import { EmptyState } from '@/components/ui/states';
import { RevokeRoleForm } from './revoke-role-form';
import { UserStatusForm } from './user-status-form';

export interface MembershipView {
  id: string;
  role: string;
  roleLabel: string;
  orgName: string | null;
  reason: string | null;
  /** Expiry already formatted with its zone; null for a permanent role. */
  until: string | null;
  expired: boolean;
}

export interface RbacUserView {
  id: string;
  email: string;
  name: string;
  disabled: boolean;
  verified: boolean;
  isSelf: boolean;
  memberships: MembershipView[];
}

function membershipText(m: MembershipView): string {
  const org = m.orgName ? ` (${m.orgName})` : '';
  const until = m.until ? ` ${m.expired ? 'expired' : 'until'} ${m.until}` : '';
  const reason = m.reason ? ` — ${m.reason}` : '';
  return `${m.roleLabel}${org}${until}${reason}`;
}

export function UsersTable({
  rows,
  query,
  canRevoke,
  canChangeStatus,
}: {
  rows: RbacUserView[];
  query: string;
  canRevoke: boolean;
  canChangeStatus: boolean;
}) {
  const columns: DataTableColumn<RbacUserView>[] = [
    {
      key: 'email',
      header: 'User',
      rowHeader: true,
      sortable: true,
      className: 'min-w-56',
      csv: (u) => `${u.name} <${u.email}>`,
      sortValue: (u) => u.email,
      cell: (u) => (
        <span className="grid gap-0.5">
          <span className="break-all">{u.email}</span>
          <span className="text-sm font-normal text-muted">
            {u.name}
            {u.isSelf ? ' (you)' : ''}
          </span>
        </span>
      ),
    },
    {
      key: 'status',
      header: 'Status',
      sortable: true,
      sortValue: (u) => (u.disabled ? 1 : 0),
      csv: (u) => [u.disabled ? 'disabled' : 'active', u.verified ? 'verified' : 'unverified'].join(', '),
      cell: (u) => (
        <span className="flex flex-wrap gap-1">
          <Badge tone={u.disabled ? 'danger' : 'success'}>{u.disabled ? 'Disabled' : 'Active'}</Badge>
          {u.verified ? null : <Badge tone="warning">Email not verified</Badge>}
        </span>
      ),
    },
    {
      key: 'roles',
      header: 'Roles',
      className: 'min-w-72',
      sortValue: (u) => u.memberships.length,
      csv: (u) => u.memberships.map(membershipText).join('; '),
      cell: (u) =>
        u.memberships.length === 0 ? (
          <span className="text-muted">No roles</span>
        ) : (
          <ul className="grid gap-2">
            {u.memberships.map((m) => (
              <li key={m.id} className="flex flex-wrap items-center gap-x-2 gap-y-1">
                <Badge tone={m.expired ? 'neutral' : m.until ? 'warning' : 'info'}>{m.roleLabel}</Badge>
                {m.orgName ? <span className="text-sm">{m.orgName}</span> : null}
                {m.until ? (
                  <span className="text-sm text-muted">
                    {m.expired ? 'expired' : 'until'} {m.until}
                  </span>
                ) : null}
                {m.reason ? <span className="basis-full text-sm text-muted">Reason: {m.reason}</span> : null}
                {canRevoke ? <RevokeRoleForm membership={m} userEmail={u.email} /> : null}
              </li>
            ))}
          </ul>
        ),
    },
  ];
  if (canChangeStatus) {
    columns.push({
      key: 'actions',
      header: 'Account',
      csv: false,
      cell: (u) =>
        u.isSelf ? (
          <span className="text-sm text-muted">Your account</span>
        ) : (
          <UserStatusForm user={{ id: u.id, email: u.email, disabled: u.disabled }} />
        ),
    });
  }

  return (
    <DataTable
      caption="Users and their roles"
      captionHidden
      columns={columns}
      rows={rows}
      getRowId={(u) => u.id}
      csvFilename={query ? 'users-and-roles-search.csv' : undefined}
      empty={
        <EmptyState
          icon={<UserSearch />}
          headingLevel="h3"
          title={query ? `No users match “${query}”` : 'No users yet'}
          description={query ? 'Search matches part of an email address or a name.' : undefined}
          action={
            query ? (
              <Link href="/admin/rbac" className={buttonClasses({ variant: 'secondary' })}>
                Show all users
              </Link>
            ) : undefined
          }
        />
      }
    />
  );
}
