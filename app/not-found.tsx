import Link from 'next/link';
import { buttonClasses } from '@/components/ui/button-classes';
import { EmptyState } from '@/components/ui/states';

export default function NotFound() {
  return (
    <main id="main" className="mx-auto max-w-lg px-4 py-16">
      <EmptyState
        headingLevel="h1"
        title="Page not found"
        description="The page you were looking for does not exist or has moved."
        action={
          <Link href="/" className={buttonClasses({ variant: 'secondary' })}>
            Go to the home page
          </Link>
        }
      />
    </main>
  );
}
