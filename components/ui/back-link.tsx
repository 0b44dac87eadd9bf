import Link from 'next/link';
import { ArrowLeft } from 'lucide-react';

/** "← Parent" above a page title (a PageHeader eyebrow): the way back up from a detail page. */
export function BackLink({ href, children }: { href: string; children: React.ReactNode }) {
  return (
    <Link href={href} className="inline-flex min-h-6 items-center gap-1 hover:text-fg">
      <ArrowLeft aria-hidden="true" className="size-4" /> {children}
    </Link>
  );
}
