'use client';

import { useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { Button } from '@/components/ui/button';
import { moderateReviewAction } from '@/lib/reviews/actions';

/** Hide or restore a review (operations). The rating is recomputed by the verb. */
export function ModerationButtons({ reviewId, status, label }: { reviewId: string; status: 'published' | 'reported' | 'hidden'; label: string }) {
  const [pending, start] = useTransition();
  const router = useRouter();
  const run = (decision: 'hide' | 'restore') =>
    start(async () => {
      const { toast } = await import('@/components/ui/toast');
      try {
        const r = await moderateReviewAction({ reviewId, decision });
        if (r.ok) {
          toast.success(decision === 'hide' ? 'Review hidden; the rating no longer counts it' : 'Review restored');
          router.refresh();
        } else toast.error(r.error.message);
      } catch {
        toast.error('The change could not be saved. Check your connection and try again.');
      }
    });
  return (
    <div className="flex flex-wrap gap-2">
      {status !== 'hidden' ? (
        <Button size="sm" variant="danger" loading={pending} onClick={() => run('hide')}>
          Hide<span className="sr-only"> {label}</span>
        </Button>
      ) : null}
      {status !== 'published' ? (
        <Button size="sm" variant="secondary" loading={pending} onClick={() => run('restore')}>
          {status === 'reported' ? 'Keep published' : 'Restore'}
          <span className="sr-only"> {label}</span>
        </Button>
      ) : null}
    </div>
  );
}
