import Link from 'next/link';
import { EmptyState } from '@/components/ui/states';

export default function ProviderNotFound() {
  return (
    <div className="mx-auto w-full max-w-3xl px-4 py-10">
      <EmptyState
        headingLevel="h1"
        title="No provider at this address"
        action={
          <Link className="text-link underline underline-offset-4" href="/marketplace">
            Browse the marketplace
          </Link>
        }
      />
    </div>
  );
}
