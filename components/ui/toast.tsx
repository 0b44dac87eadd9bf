'use client';

import type { ComponentProps } from 'react';
import { CircleAlert, CircleCheck, Info, Loader2, TriangleAlert, X } from 'lucide-react';
import { Toaster as Sonner, toast } from 'sonner';

/*
 * Toasts are for confirmations that need no action ("Quote sent"). They disappear, so anything
 * the user must read or act on (validation, payment failures) belongs in the page, e.g. FormError.
 *
 * Mount <Toaster /> once in the root layout; call `toast.success('Saved')` from client code.
 * Theming is done in app/globals.css by re-pointing sonner's CSS variables at our tokens.
 */

export { toast };

export type ToasterProps = ComponentProps<typeof Sonner>;

export function Toaster(props: ToasterProps) {
  return (
    <Sonner
      // Pinned: colours come from our tokens, and sonner's "dark" mode would override some of them.
      theme="light"
      // Bottom-right on desktop; sonner makes toasts full-width at the bottom below 600px.
      position="bottom-right"
      // Longer than sonner's 4s default so slower readers can finish (it also pauses on hover/focus).
      duration={6000}
      richColors
      closeButton
      icons={{
        success: <CircleCheck aria-hidden="true" className="size-4" />,
        info: <Info aria-hidden="true" className="size-4" />,
        warning: <TriangleAlert aria-hidden="true" className="size-4" />,
        error: <CircleAlert aria-hidden="true" className="size-4" />,
        loading: <Loader2 aria-hidden="true" className="size-4 animate-spin" />,
        close: <X aria-hidden="true" className="size-3.5" />,
      }}
      {...props}
    />
  );
}
