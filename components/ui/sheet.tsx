'use client';

import type { ComponentProps } from 'react';
import { Dialog as DialogPrimitive } from 'radix-ui';
import { cn } from './cn';
import { DialogCloseButton, DialogOverlay, DialogPortal } from './dialog';

/*
 * A Dialog anchored to a screen edge: same focus trap, Escape handling and title wiring, only
 * the layout differs. Used as the mobile navigation drawer:
 *
 *   <Sheet>
 *     <SheetTrigger asChild>
 *       <Button variant="ghost" size="icon" aria-label="Open menu"><Menu aria-hidden /></Button>
 *     </SheetTrigger>
 *     <SheetContent side="left" aria-describedby={undefined}>
 *       <SheetHeader><SheetTitle>Menu</SheetTitle></SheetHeader>
 *       <nav aria-label="Main">
 *         <SheetClose asChild><Link href="/jobs">Jobs</Link></SheetClose>
 *       </nav>
 *     </SheetContent>
 *   </Sheet>
 *
 * Wrap each nav link in <SheetClose asChild>: App Router navigation keeps the layout mounted,
 * so the drawer would otherwise stay open over the new page.
 */

export const Sheet = DialogPrimitive.Root;
export const SheetTrigger = DialogPrimitive.Trigger;
export const SheetClose = DialogPrimitive.Close;

export type SheetSide = 'right' | 'left' | 'bottom';

/* Physical sides (not start/end) because the slide keyframes are physical too. */

const sides: Record<SheetSide, string> = {
  right:
    'inset-y-0 right-0 h-dvh w-[85vw] max-w-sm border-l data-[state=closed]:animate-sheet-out-right data-[state=open]:animate-sheet-in-right',
  left: 'inset-y-0 left-0 h-dvh w-[85vw] max-w-sm border-r data-[state=closed]:animate-sheet-out-left data-[state=open]:animate-sheet-in-left',
  bottom:
    'inset-x-0 bottom-0 max-h-[85dvh] rounded-t-xl border-t data-[state=closed]:animate-sheet-out-bottom data-[state=open]:animate-sheet-in-bottom',
};

export interface SheetContentProps extends ComponentProps<typeof DialogPrimitive.Content> {
  side?: SheetSide;
  /** Accessible name of the close button; localise it with the rest of the UI. */
  closeLabel?: string;
}

export function SheetContent({ side = 'right', closeLabel, className, children, ...props }: SheetContentProps) {
  return (
    <DialogPortal>
      <DialogOverlay />
      <DialogPrimitive.Content
        className={cn(
          'fixed z-50 flex flex-col gap-4 overflow-y-auto overscroll-contain bg-surface p-5 text-fg shadow-xl',
          // Keep content clear of the iPhone home indicator and notches.
          'pb-[max(1.25rem,env(safe-area-inset-bottom))]',
          'high-contrast:border-2 high-contrast:border-fg',
          sides[side],
          className,
        )}
        {...props}
      >
        {children}
        <DialogCloseButton label={closeLabel} />
      </DialogPrimitive.Content>
    </DialogPortal>
  );
}

export function SheetHeader({ className, ...props }: ComponentProps<'div'>) {
  return <div className={cn('grid gap-1.5 pe-10', className)} {...props} />;
}

export function SheetFooter({ className, ...props }: ComponentProps<'div'>) {
  return <div className={cn('mt-auto flex flex-col gap-2', className)} {...props} />;
}

export function SheetTitle({ className, ...props }: ComponentProps<typeof DialogPrimitive.Title>) {
  return <DialogPrimitive.Title className={cn('text-lg leading-7 font-semibold', className)} {...props} />;
}

export function SheetDescription({ className, ...props }: ComponentProps<typeof DialogPrimitive.Description>) {
  return <DialogPrimitive.Description className={cn('text-sm text-muted', className)} {...props} />;
}
