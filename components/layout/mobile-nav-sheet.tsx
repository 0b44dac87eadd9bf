'use client';

import Link from 'next/link';
import type { RefObject } from 'react';
import { Sheet, SheetClose, SheetContent, SheetHeader, SheetTitle } from '@/components/ui/sheet';
import type { MobileNavGroup } from './mobile-nav';

export function MobileNavSheet({
  groups,
  open,
  onOpenChange,
  returnFocusTo,
}: {
  groups: MobileNavGroup[];
  open: boolean;
  onOpenChange: (open: boolean) => void;
  returnFocusTo: RefObject<HTMLButtonElement | null>;
}) {
  return (
    <Sheet open={open} onOpenChange={onOpenChange}>
      <SheetContent
        side="left"
        aria-describedby={undefined}
        // The trigger lives outside the dialog root (it loads lazily), so focus is returned by hand.
        onCloseAutoFocus={(e) => {
          e.preventDefault();
          returnFocusTo.current?.focus();
        }}
      >
        <SheetHeader>
          <SheetTitle>Menu</SheetTitle>
        </SheetHeader>
        {groups.map((g) => (
          <nav key={g.title} aria-label={g.title} className="grid gap-1">
            <p className="px-3 text-xs font-semibold tracking-wide text-muted uppercase">{g.title}</p>
            {g.items.map((item) => (
              <SheetClose asChild key={item.href}>
                <Link href={item.href} className="flex min-h-10 items-center rounded-md px-3 text-sm hover:bg-surface-muted">
                  {item.label}
                </Link>
              </SheetClose>
            ))}
          </nav>
        ))}
      </SheetContent>
    </Sheet>
  );
}
