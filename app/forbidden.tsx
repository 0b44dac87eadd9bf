import Link from 'next/link';
import { buttonClasses } from '@/components/ui/button-classes';
import { ErrorState } from '@/components/ui/states';

export default function Forbidden() {
  return (
    <main id="main" className="mx-auto max-w-lg px-4 py-16">
      <ErrorState
        headingLevel="h1"
        title="You don't have access to this page"
        message="Your account does not have the role this page needs. If you think it should, ask an administrator."
        action={
          <Link href="/" className={buttonClasses({ variant: 'secondary' })}>
            Go to the home page
          </Link>
        }
      />
    </main>
  );
}
