'use client';

import { Menu } from 'lucide-react';
import Link from 'next/link';
import { Button } from '@/components/ui/button';
import { Sheet, SheetClose, SheetContent, SheetHeader, SheetTitle, SheetTrigger } from '@/components/ui/sheet';

export interface MobileNavGroup {
  title: string;
  items: { href: string; label: string }[];
}

/** The phone navigation drawer: the same links as the sidebar and header, in a sheet. */
export function MobileNav({ groups }: { groups: MobileNavGroup[] }) {
  return (
    <Sheet>
      <SheetTrigger asChild>
        <Button variant="ghost" size="icon" aria-label="Open menu" className="md:hidden">
          <Menu aria-hidden />
        </Button>
      </SheetTrigger>
      <SheetContent side="left" aria-describedby={undefined}>
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
