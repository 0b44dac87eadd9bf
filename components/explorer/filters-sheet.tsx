'use client';

import type { RefObject } from 'react';
import { Sheet, SheetContent, SheetHeader, SheetTitle } from '@/components/ui/sheet';
import { FilterFields, type FiltersProps } from './filters';

/** The phone's filter sheet (loaded on first open; see filters.tsx). */
export default function FiltersSheet({
  open,
  onOpenChange,
  returnFocusTo,
  ...props
}: FiltersProps & { open: boolean; onOpenChange: (open: boolean) => void; returnFocusTo: RefObject<HTMLButtonElement | null> }) {
  return (
    <Sheet open={open} onOpenChange={onOpenChange}>
      <SheetContent
        side="bottom"
        aria-describedby={undefined}
        closeLabel="Close filters"
        // The trigger is outside the dialog root (the sheet loads lazily), so focus returns by hand.
        onCloseAutoFocus={(e) => {
          e.preventDefault();
          returnFocusTo.current?.focus();
        }}
      >
        <SheetHeader>
          <SheetTitle>Filters</SheetTitle>
        </SheetHeader>
        <FilterFields {...props} />
        <button type="button" onClick={() => onOpenChange(false)} className="h-10 rounded-md bg-primary px-4 text-sm font-medium text-primary-fg">
          Show results
        </button>
      </SheetContent>
    </Sheet>
  );
}
