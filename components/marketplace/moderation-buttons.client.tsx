'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { FormError, FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { moderateListingAction } from '@/lib/marketplace/actions';
import type { ListingStatus } from '@/lib/marketplace/policy';

type Decision = 'approve' | 'reject' | 'suspend' | 'reinstate';

/** Operations' decision on one listing; reject and suspend ask for a reason the seller will see. */
export function ModerationButtons({ listingId, title, status }: { listingId: string; title: string; status: ListingStatus }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [asking, setAsking] = useState<'reject' | 'suspend' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const decide = (decision: Decision, reason = '') =>
    start(async () => {
      setError(null);
      try {
        const r = await moderateListingAction({ listingId, decision, reason });
        if (r.ok) {
          setAsking(null);
          const { toast } = await import('@/components/ui/toast');
          toast.success(`“${title}” ${decision === 'approve' ? 'approved' : decision === 'reject' ? 'rejected' : decision === 'suspend' ? 'suspended' : 'reinstated'}`);
          router.refresh();
        } else setError(r.error.message);
      } catch {
        setError('The decision could not be saved. Check your connection and try again.');
      }
    });
  return (
    <div className="grid gap-2">
      <div className="flex flex-wrap gap-2">
        {status === 'pending_review' ? (
          <>
            <Button size="sm" loading={pending} onClick={() => decide('approve')}>
              Approve<span className="sr-only"> {title}</span>
            </Button>
            <Button size="sm" variant="danger" onClick={() => setAsking('reject')}>
              Reject<span className="sr-only"> {title}</span>
            </Button>
          </>
        ) : null}
        {status === 'approved' ? (
          <Button size="sm" variant="danger" onClick={() => setAsking('suspend')}>
            Suspend<span className="sr-only"> {title}</span>
          </Button>
        ) : null}
        {status === 'suspended' ? (
          <Button size="sm" variant="secondary" loading={pending} onClick={() => decide('reinstate')}>
            Reinstate<span className="sr-only"> {title}</span>
          </Button>
        ) : null}
      </div>
      {asking ? (
        <form
          className="grid gap-2 rounded-md border p-3"
          onSubmit={(ev) => {
            ev.preventDefault();
            decide(asking, String(new FormData(ev.currentTarget).get('reason') ?? ''));
          }}
        >
          <FormField label={asking === 'reject' ? 'Why is it rejected? (the seller sees this)' : 'Why is it suspended? (the seller sees this)'} name="reason" required>
            <Input minLength={5} maxLength={1000} autoFocus />
          </FormField>
          <div className="flex gap-2">
            <Button size="sm" variant="danger" type="submit" loading={pending}>
              {asking === 'reject' ? 'Reject listing' : 'Suspend listing'}
            </Button>
            <Button size="sm" variant="ghost" type="button" onClick={() => setAsking(null)}>
              Cancel
            </Button>
          </div>
        </form>
      ) : null}
      {error ? <FormError message={error} /> : null}
    </div>
  );
}
