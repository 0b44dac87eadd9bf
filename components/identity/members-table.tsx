import { Badge } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/states';
import { roleLabels } from '@/lib/core/auth/roles';
import type { OrgMember } from '@/lib/identity/queries';

const fmt = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'Europe/London' });

/** The people in an organisation with their roles — shared by the provider and enterprise panels. */
export function MembersTable({ members, caption }: { members: OrgMember[]; caption: string }) {
  if (members.length === 0) return <EmptyState title="No members yet" description="Invite people to work with you here." />;
  return (
    <div className="overflow-x-auto rounded-lg border border-border bg-surface">
      <table className="w-full min-w-[32rem] text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-border bg-surface-muted">
          <tr>
            <th scope="col" className="px-4 py-2 font-semibold">Name</th>
            <th scope="col" className="px-4 py-2 font-semibold">Email</th>
            <th scope="col" className="px-4 py-2 font-semibold">Role</th>
            <th scope="col" className="px-4 py-2 font-semibold">Since</th>
          </tr>
        </thead>
        <tbody>
          {members.map((m) => (
            <tr key={`${m.userId}:${m.role}`} className="border-b border-border last:border-0">
              <td className="px-4 py-2">{m.name}</td>
              <td className="px-4 py-2 break-all">{m.email}</td>
              <td className="px-4 py-2">
                <Badge tone={m.expiresAt ? 'warning' : 'neutral'}>{roleLabels[m.role]}</Badge>
              </td>
              <td className="px-4 py-2">{fmt.format(m.since)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
