import Link from 'next/link';
import { buttonClasses } from './button-classes';
import { cn } from './cn';

/**
 * Previous / "Page n of m" / next links for a server-paged list. The links carry the list's
 * filters (the caller builds each page's href), so paging never drops them. Nothing for one page.
 */
export function Pager({
  page,
  pages,
  href,
  label,
  previous = 'Previous page',
  next = 'Next page',
  className,
}: {
  page: number;
  pages: number;
  href: (page: number) => string;
  /** The navigation's accessible name. */
  label: string;
  previous?: string;
  next?: string;
  className?: string;
}) {
  if (pages <= 1) return null;
  return (
    <nav aria-label={label} className={cn('flex flex-wrap items-center gap-2 text-sm', className)}>
      {page > 1 ? (
        <Link className={buttonClasses({ variant: 'secondary', size: 'sm' })} href={href(page - 1)}>
          {previous}
        </Link>
      ) : null}
      <span className="text-muted">
        Page {page} of {pages}
      </span>
      {page < pages ? (
        <Link className={buttonClasses({ variant: 'secondary', size: 'sm' })} href={href(page + 1)}>
          {next}
        </Link>
      ) : null}
    </nav>
  );
}
