import Link from 'next/link';
import { EmptyState } from '@/components/ui/states';

export default function ListingNotFound() {
  return (
    <div className="mx-auto w-full max-w-3xl px-4 py-10">
      <EmptyState
        headingLevel="h1"
        title="This listing is not available"
        description="It may have been withdrawn, or the seller is not currently verified."
        action={
          <Link className="text-link underline underline-offset-4" href="/marketplace">
            Back to the marketplace
          </Link>
        }
      />
    </div>
  );
}
