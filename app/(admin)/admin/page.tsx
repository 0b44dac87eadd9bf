import type { Metadata } from 'next';
import { guardedPage } from '@/components/layout/guarded-page';
import { Badge } from '@/components/ui/badge';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { requirePermission } from '@/lib/core/auth/guards';
import { checkHealth } from '@/lib/core/health';
import { platformStats } from '@/lib/core/platform-stats';

export const metadata: Metadata = { title: 'Platform admin' };

async function AdminOverviewContent() {
  const actor = await requirePermission('panel.admin');
  const [stats, health] = await Promise.all([platformStats(actor), checkHealth()]);
  const tiles = [
    { label: 'Accounts', value: stats.users },
    { label: 'Provider businesses', value: stats.providers },
    { label: 'Enterprise clients', value: stats.enterprises },
    { label: 'Emails waiting', value: stats.mailQueued },
  ];
  return (
    <div className="grid gap-6">
      <PageHeader eyebrow="Platform admin" title="Overview" description={`Signed in as ${actor.name}.`} />
      <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4" aria-label="Platform figures">
        {tiles.map((t) => (
          <li key={t.label} className="rounded-lg border border-border bg-surface p-4">
            <p className="text-sm text-muted">{t.label}</p>
            <p className="mt-1 text-2xl font-semibold tabular-nums">{t.value.toLocaleString('en-GB')}</p>
          </li>
        ))}
      </ul>
      <Card>
        <CardHeader>
          <CardTitle>System health</CardTitle>
        </CardHeader>
        <CardContent>
          <dl className="grid grid-cols-[max-content_1fr] items-center gap-x-4 gap-y-2 text-sm">
            <dt className="text-muted">Overall</dt>
            <dd>
              <Badge tone={health.status === 'ok' ? 'success' : health.status === 'degraded' ? 'warning' : 'danger'}>{health.status}</Badge>
            </dd>
            <dt className="text-muted">Database</dt>
            <dd>
              {health.engine === 'postgres' ? 'PostgreSQL' : 'Embedded (PGlite)'} · {health.checks.database.ok ? `${health.checks.database.ms} ms` : 'unreachable'}
            </dd>
            <dt className="text-muted">Migrations</dt>
            <dd>
              {health.checks.migrations.applied} of {health.checks.migrations.expected} applied
            </dd>
            <dt className="text-muted">Job queue</dt>
            <dd>
              {health.checks.jobs.ok ? 'running' : 'not running'} · workers {health.checks.jobs.inProcess ? 'in this process' : 'in separate processes'}
            </dd>
            <dt className="text-muted">Audit rows awaiting seal</dt>
            <dd>{stats.unsealedAudit}</dd>
            <dt className="text-muted">Emails with failed attempts</dt>
            <dd>{stats.mailFailed}</dd>
          </dl>
        </CardContent>
      </Card>
    </div>
  );
}

export default guardedPage('panel.admin', AdminOverviewContent);
