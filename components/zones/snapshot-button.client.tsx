'use client';

import { useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { RefreshCw } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { requestSnapshotAction } from '@/lib/geo/snapshot-actions';

/**
 * "Run analytics now": queues a manual analytics run (the job computes it in the background), so
 * the page says it was queued and refreshes a little later to show the new run time.
 */
export function SnapshotButton({ lastRunLabel, queued }: { lastRunLabel: string | null; queued: boolean }) {
  const [pending, startTransition] = useTransition();
  const [note, setNote] = useState<string | null>(null);
  const router = useRouter();

  function run() {
    setNote(null);
    startTransition(async () => {
      const { toast } = await import('@/components/ui/toast');
      try {
        const result = await requestSnapshotAction({});
        if (result.ok) {
          toast.success('Analytics run queued. Figures update when it finishes.');
          setNote('Analytics run queued.');
          // The run is short; refresh twice so the "last run" time catches up without a manual reload.
          window.setTimeout(() => router.refresh(), 3000);
          window.setTimeout(() => router.refresh(), 10000);
          return;
        }
        toast.error(result.error.message);
        setNote(result.error.message);
      } catch {
        toast.error('The run could not be requested. Check your connection and try again.');
        setNote('The run could not be requested.');
      }
    });
  }

  return (
    <div className="flex flex-wrap items-center justify-between gap-3 rounded-lg border bg-surface p-3">
      <p className="text-sm" role="status" data-testid="last-analytics-run">
        <span className="font-medium">Zone analytics.</span> {note ? `${note} ` : queued ? 'A requested run is waiting to start. ' : ''}
        {lastRunLabel ? `Last run: ${lastRunLabel}.` : 'No analytics run yet.'}
      </p>
      <Button variant="secondary" size="sm" onClick={run} loading={pending}>
        <RefreshCw aria-hidden="true" />
        Run analytics now
      </Button>
    </div>
  );
}
