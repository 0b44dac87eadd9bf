import type { Metadata } from 'next';
import { guardedPage } from '@/components/layout/guarded-page';
import { OpsQueue } from '@/components/disputes/ops-queue.client';
import { PageHeader } from '@/components/ui/page-header';
import { Button } from '@/components/ui/button';
import { requestCtx } from '@/lib/core/auth/session';
import { disputeStatuses } from '@/lib/disputes/policy';
import { listDisputes } from '@/lib/disputes/queries';
import { toListItemWire } from '@/lib/disputes/wire';
import { disputeStatusLabel } from '@/components/disputes/format';

export const metadata: Metadata = { title: 'Disputes' };

type Search = { status?: string; overdue?: string; age?: string };

async function Content({ searchParams }: { searchParams: Promise<Search> }) {
  const sp = await searchParams;
  const ctx = await requestCtx();
  const status = (disputeStatuses as readonly string[]).includes(sp.status ?? '') ? sp.status : undefined;
  const age = sp.age && /^\d{1,3}$/.test(sp.age) ? Number(sp.age) : undefined;
  const items = (await listDisputes(ctx, 'operations', { status, overdue: sp.overdue === '1' ? true : undefined, olderThanDays: age })).map(toListItemWire);
  return (
    <>
      <PageHeader title="Disputes" description="The operations queue: the soonest response deadline first. Start reviews in bulk; resolve from each dispute's page." />
      <form className="mb-4 flex flex-wrap items-end gap-3" method="get" aria-label="Filter disputes">
        <label className="grid gap-1 text-sm">
          <span>Status</span>
          <select name="status" defaultValue={status ?? ''} className="min-h-10 rounded-md border bg-surface px-2">
            <option value="">Live and closed</option>
            {disputeStatuses.map((s) => (
              <option key={s} value={s}>
                {disputeStatusLabel(s)}
              </option>
            ))}
          </select>
        </label>
        <label className="flex min-h-10 items-center gap-2 text-sm">
          <input type="checkbox" name="overdue" value="1" defaultChecked={sp.overdue === '1'} className="size-5" />
          Response overdue
        </label>
        <label className="grid gap-1 text-sm">
          <span>Older than (days)</span>
          <input name="age" type="number" min={0} max={365} defaultValue={age ?? ''} className="min-h-10 w-28 rounded-md border bg-surface px-2" />
        </label>
        <Button type="submit" variant="secondary" size="sm">
          Apply filters
        </Button>
      </form>
      <OpsQueue items={items} now={ctx.now.getTime()} />
    </>
  );
}

export default guardedPage('disputes.manage', Content, 'Loading the dispute queue…');
