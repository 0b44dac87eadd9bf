'use client';

import { ErrorState } from '@/components/ui/states';

export default function MarketplaceError({ reset, error }: { reset: () => void; error: Error & { digest?: string } }) {
  return (
    <div className="mx-auto w-full max-w-3xl px-4 py-10">
      <ErrorState title="The marketplace could not load" onRetry={reset} digest={error.digest} />
    </div>
  );
}
