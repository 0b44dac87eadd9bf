import type { Metadata } from 'next';
import { guardedPage } from '@/components/layout/guarded-page';
import Link from 'next/link';
import { Filter } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { buttonClasses } from '@/components/ui/button-classes';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { FormError } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { PageHeader } from '@/components/ui/page-header';
import { listAudit } from '@/lib/audit';
import { requirePermission } from '@/lib/core/auth/guards';
import { can } from '@/lib/core/auth/permissions';
import { AuditTable, type AuditView } from './audit-table.client';
import { formatDateTime } from '@/lib/core/format-time';
import { VerifyChainForm } from './verify-chain-form';

export const metadata: Metadata = { title: 'Audit log' };

// Same shape as the database CHECK on audit_log.action, so a typo is explained, not just empty.
const actionPattern = /^[a-z_]+\.[a-z_.]+$/;

type Params = { before?: string | string[]; action?: string | string[] };

function first(v: string | string[] | undefined): string {
  return (Array.isArray(v) ? v[0] : v)?.trim() ?? '';
}

function auditHref(params: { before?: number; action?: string }): string {
  const qs = new URLSearchParams();
  if (params.action) qs.set('action', params.action);
  if (params.before) qs.set('before', String(params.before));
  const s = qs.toString();
  return s ? `/admin/audit?${s}` : '/admin/audit';
}

async function AuditPageContent({ searchParams }: { searchParams: Promise<Params> }) {
  const actor = await requirePermission('audit.read');
  const params = await searchParams;
  const action = first(params.action).slice(0, 100);
  const beforeText = first(params.before);
  const before = /^[1-9]\d{0,14}$/.test(beforeText) ? Number(beforeText) : undefined;
  const actionValid = action === '' || actionPattern.test(action);

  const page = actionValid ? await listAudit(actor, { before, action: action || undefined, limit: 50 }) : { rows: [], nextBefore: null };
  const rows: AuditView[] = page.rows.map((r) => ({
    seq: r.seq,
    occurredAt: r.occurredAt.toISOString(),
    occurredAtLabel: formatDateTime(r.occurredAt),
    action: r.action,
    actionHref: auditHref({ action: r.action }),
    actorType: r.actorType,
    actorId: r.actorId,
    entityType: r.entityType,
    entityId: r.entityId,
    sealed: r.sealed,
  }));

  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every change to roles, accounts and settings, newest first. Rows are sealed onto a hash chain shortly after they are written, so an edited or deleted row shows up when the chain is verified."
      />
      <div className="grid gap-6">
        {can(actor, 'audit.verify') ? (
          <Card>
            <CardHeader>
              <CardTitle>Verify the chain</CardTitle>
              <CardDescription>
                Seals any pending rows, then recomputes every hash from the first row on. Takes longer as the log grows.
              </CardDescription>
            </CardHeader>
            <CardContent>
              <VerifyChainForm />
            </CardContent>
          </Card>
        ) : null}

        <section aria-labelledby="entries-heading" className="grid gap-3">
          <h2 id="entries-heading" className="text-lg font-semibold">
            Entries
          </h2>
          <form method="get" role="search" className="flex flex-wrap items-end gap-2">
            <div className="grid min-w-0 flex-1 basis-56 gap-1.5">
              <Label htmlFor="audit-action">Filter by action</Label>
              <Input
                id="audit-action"
                name="action"
                defaultValue={action}
                placeholder="e.g. rbac.grant"
                maxLength={100}
                autoComplete="off"
                spellCheck={false}
                aria-invalid={actionValid ? undefined : true}
                aria-describedby="audit-action-help"
              />
            </div>
            <Button type="submit" variant="secondary">
              <Filter aria-hidden="true" />
              Filter
            </Button>
            {action || before ? (
              <Link href="/admin/audit" className={buttonClasses({ variant: 'ghost' })}>
                Show latest, unfiltered
              </Link>
            ) : null}
          </form>
          <p id="audit-action-help" className="text-sm text-muted">
            Exact action name, as shown in the table; select an action in the table to filter by it.
          </p>
          {actionValid ? null : (
            <FormError message="Action names look like domain.verb in lowercase, for example rbac.grant or toggles.update." />
          )}
          <AuditTable rows={rows} filtered={Boolean(action)} />
          <nav aria-label="Audit log pages" className="flex flex-wrap gap-2">
            {before ? (
              <Link href={auditHref({ action })} className={buttonClasses({ variant: 'secondary', size: 'sm' })}>
                Newest entries
              </Link>
            ) : null}
            {page.nextBefore ? (
              <Link href={auditHref({ action, before: page.nextBefore })} className={buttonClasses({ variant: 'secondary', size: 'sm' })}>
                Older entries
              </Link>
            ) : null}
          </nav>
        </section>
      </div>
    </>
  );
}

export default guardedPage('audit.read', AuditPageContent);
