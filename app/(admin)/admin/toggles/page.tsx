import type { Metadata } from 'next';
import { guardedPage } from '@/components/layout/guarded-page';
import { Badge } from '@/components/ui/badge';
import { PageHeader } from '@/components/ui/page-header';
import { requirePermission } from '@/lib/core/auth/guards';
import { can } from '@/lib/core/auth/permissions';
import { listToggles, toggleEnvironment } from '@/lib/toggles';
import { formatDateTime } from '@/lib/core/format-time';
import { ToggleFormDialog } from './toggle-form';
import { TogglesTable, type ToggleView } from './toggles-table.client';

export const metadata: Metadata = { title: 'Feature toggles' };

async function TogglesPageContent() {
  const actor = await requirePermission('toggles.read');
  const environment = toggleEnvironment();
  const canUpdate = can(actor, 'toggles.update');
  const toggles = await listToggles(actor);
  const rows: ToggleView[] = toggles.map((t) => ({
    key: t.key,
    description: t.description,
    enabled: t.enabled,
    rolloutPercent: t.rolloutPercent,
    updatedAt: t.updatedAt.toISOString(),
    updatedAtLabel: formatDateTime(t.updatedAt),
  }));

  return (
    <>
      <PageHeader
        title="Feature toggles"
        description={
          <>
            Switch features on or off and roll them out to a share of signed-in users. Changes apply to the{' '}
            <strong className="font-semibold text-fg">{environment}</strong> environment only and reach every server
            within a few seconds.
          </>
        }
        actions={
          <>
            <Badge tone="info" className="self-center">
              Environment: {environment}
            </Badge>
            {canUpdate ? <ToggleFormDialog environment={environment} /> : null}
          </>
        }
      />
      {canUpdate ? null : (
        <p className="mb-4 text-sm text-muted">You can view toggles; changing them needs the admin role.</p>
      )}
      <TogglesTable rows={rows} environment={environment} canUpdate={canUpdate} />
    </>
  );
}

export default guardedPage('toggles.read', TogglesPageContent);
