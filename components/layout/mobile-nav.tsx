'use client';

import { Menu } from 'lucide-react';
import { lazy, Suspense, useRef, useState } from 'react';
import { plainButtonClasses } from '@/components/ui/button-variants';

export interface MobileNavGroup {
  title: string;
  items: { href: string; label: string }[];
}

// The drawer (and its dialog library) loads on first open, so pages that never open it — every
// page on a laptop — do not pay for it in their first-load JavaScript.
const MobileNavSheet = lazy(() => import('./mobile-nav-sheet').then((m) => ({ default: m.MobileNavSheet })));

/** The phone navigation drawer: the same links as the sidebar and header, in a sheet. */
export function MobileNav({ groups }: { groups: MobileNavGroup[] }) {
  const [open, setOpen] = useState(false);
  const [loaded, setLoaded] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);
  return (
    <>
      <button
        ref={trigger}
        type="button"
        aria-label="Open menu"
        aria-haspopup="dialog"
        aria-expanded={open}
        className={`${plainButtonClasses({ variant: 'ghost', size: 'icon' })} md:hidden`}
        onClick={() => {
          setLoaded(true);
          setOpen(true);
        }}
      >
        <Menu aria-hidden />
      </button>
      {loaded ? (
        <Suspense fallback={null}>
          <MobileNavSheet groups={groups} open={open} onOpenChange={setOpen} returnFocusTo={trigger} />
        </Suspense>
      ) : null}
    </>
  );
}
