'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { FormError } from '@/components/ui/form-field';
import { submitListingAction, withdrawListingAction } from '@/lib/marketplace/actions';
import { canTransition, type ListingStatus } from '@/lib/marketplace/policy';

/** Submit for review / withdraw to draft, as the state machine allows. A 412 links to compliance. */
export function ListingActions({ listingId, status }: { listingId: string; status: ListingStatus }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<{ message: string; compliance: boolean } | null>(null);
  const run = (what: 'submit' | 'withdraw') =>
    start(async () => {
      setError(null);
      try {
        const r = what === 'submit' ? await submitListingAction({ listingId }) : await withdrawListingAction({ listingId });
        if (r.ok) router.refresh();
        else setError({ message: r.error.message, compliance: r.error.code === 'PRECONDITION_FAILED' });
      } catch {
        setError({ message: 'The change could not be saved. Check your connection and try again.', compliance: false });
      }
    });
  return (
    <div className="grid gap-2">
      <div className="flex flex-wrap gap-2">
        {canTransition('submit', status) ? (
          <Button loading={pending} onClick={() => run('submit')}>
            Submit for review
          </Button>
        ) : null}
        {canTransition('withdraw', status) ? (
          <Button variant="secondary" loading={pending} onClick={() => run('withdraw')}>
            Withdraw to draft
          </Button>
        ) : null}
      </div>
      {error ? (
        <FormError message={error.message}>
          {error.compliance ? (
            <Link href="/provider/compliance" className="text-link underline underline-offset-4">
              Go to compliance documents
            </Link>
          ) : null}
        </FormError>
      ) : null}
    </div>
  );
}
