'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { ReactNode } from 'react';
import { cn } from '@/components/ui/cn';

/** A nav link that marks the current page (aria-current) — exact match for panel roots. */
export function NavLink({ href, children, exact = false, className }: { href: string; children: ReactNode; exact?: boolean; className?: string }) {
  const pathname = usePathname();
  const active = exact ? pathname === href : pathname === href || pathname.startsWith(`${href}/`);
  return (
    <Link
      href={href}
      aria-current={active ? 'page' : undefined}
      className={cn(
        'flex min-h-10 items-center rounded-md px-3 text-sm font-medium text-muted hover:bg-surface-muted hover:text-fg',
        'aria-[current=page]:bg-surface-muted aria-[current=page]:text-fg aria-[current=page]:font-semibold',
        className,
      )}
    >
      {children}
    </Link>
  );
}
