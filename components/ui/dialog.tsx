'use client';

import type { ComponentProps } from 'react';
import { X } from 'lucide-react';
import { Dialog as DialogPrimitive } from 'radix-ui';
import { buttonClasses } from './button-classes';
import { cn } from './cn';

/*
 * Radix supplies the behaviour we must not hand-roll: focus trap, focus return to the trigger,
 * Escape and outside-click dismissal, aria-modal + inert background, and title/description
 * wiring. Radix warns in development if a dialog has no <DialogTitle>; when a dialog has no
 * <DialogDescription>, pass `aria-describedby={undefined}` to the content to say so explicitly.
 *
 * Usage:
 *   <Dialog>
 *     <DialogTrigger asChild><Button>Cancel booking</Button></DialogTrigger>
 *     <DialogContent>
 *       <DialogHeader>
 *         <DialogTitle>Cancel booking?</DialogTitle>
 *         <DialogDescription>The provider is notified immediately.</DialogDescription>
 *       </DialogHeader>
 *       <DialogFooter>
 *         <DialogClose asChild><Button variant="secondary">Keep</Button></DialogClose>
 *         <Button variant="danger">Cancel booking</Button>
 *       </DialogFooter>
 *     </DialogContent>
 *   </Dialog>
 */

export const Dialog = DialogPrimitive.Root;
export const DialogTrigger = DialogPrimitive.Trigger;
export const DialogClose = DialogPrimitive.Close;
export const DialogPortal = DialogPrimitive.Portal;

export function DialogOverlay({ className, ...props }: ComponentProps<typeof DialogPrimitive.Overlay>) {
  return (
    <DialogPrimitive.Overlay
      className={cn(
        'fixed inset-0 z-50 bg-overlay data-[state=closed]:animate-fade-out data-[state=open]:animate-fade-in',
        className,
      )}
      {...props}
    />
  );
}

/**
 * The "X" button. Rendered last in the DOM so that opening a dialog focuses its first real
 * control rather than "Close"; it is still shown in the top corner.
 */
export function DialogCloseButton({ label = 'Close', className }: { label?: string; className?: string }) {
  return (
    <DialogPrimitive.Close
      aria-label={label}
      className={buttonClasses({ variant: 'ghost', size: 'icon', className: cn('absolute end-2 top-2', className) })}
    >
      <X aria-hidden="true" />
    </DialogPrimitive.Close>
  );
}

const dialogSizes = {
  sm: 'max-w-sm',
  md: 'max-w-lg',
  lg: 'max-w-2xl',
} as const;

export interface DialogContentProps extends ComponentProps<typeof DialogPrimitive.Content> {
  size?: keyof typeof dialogSizes;
  /** Accessible name of the corner close button; localise it with the rest of the UI. */
  closeLabel?: string;
  /** Hide the corner close button when the footer already offers an explicit way out. */
  hideCloseButton?: boolean;
}

export function DialogContent({
  size = 'md',
  closeLabel,
  hideCloseButton = false,
  className,
  children,
  ...props
}: DialogContentProps) {
  return (
    <DialogPortal>
      <DialogOverlay />
      <DialogPrimitive.Content
        className={cn(
          // Centred with the `translate` property so the animation's `transform` can compose with it.
          'fixed top-1/2 left-1/2 z-50 -translate-x-1/2 -translate-y-1/2',
          'grid w-[calc(100%-2rem)] gap-4 rounded-lg border bg-surface p-5 text-fg shadow-xl sm:p-6',
          // Scroll inside the dialog instead of letting it run off a short phone screen.
          'max-h-[calc(100dvh-2rem)] overflow-y-auto overscroll-contain',
          'data-[state=closed]:animate-dialog-out data-[state=open]:animate-dialog-in',
          'high-contrast:border-2 high-contrast:border-fg',
          dialogSizes[size],
          className,
        )}
        {...props}
      >
        {children}
        {hideCloseButton ? null : <DialogCloseButton label={closeLabel} />}
      </DialogPrimitive.Content>
    </DialogPortal>
  );
}

/* Right padding leaves room for the corner close button so long titles never run under it. */
export function DialogHeader({ className, ...props }: ComponentProps<'div'>) {
  return <div className={cn('grid gap-1.5 pe-10', className)} {...props} />;
}

/*
 * Full-width stacked buttons on phones, a right-aligned row from `sm`. Never reversed with CSS, so
 * the visual order always matches the tab order (WCAG 2.4.3); put the primary action last.
 */
export function DialogFooter({ className, ...props }: ComponentProps<'div'>) {
  return <div className={cn('flex flex-col gap-2 sm:flex-row sm:justify-end', className)} {...props} />;
}

export function DialogTitle({ className, ...props }: ComponentProps<typeof DialogPrimitive.Title>) {
  return <DialogPrimitive.Title className={cn('text-lg leading-7 font-semibold', className)} {...props} />;
}

export function DialogDescription({ className, ...props }: ComponentProps<typeof DialogPrimitive.Description>) {
  return <DialogPrimitive.Description className={cn('text-sm text-muted', className)} {...props} />;
}
