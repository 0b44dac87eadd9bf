import type { ComponentProps } from 'react';
import { clsx } from 'clsx';

/*
 * Shared by every text-like control so inputs, textareas and selects line up in a form.
 * text-base (16px) is deliberate: iOS Safari zooms the page when a focused field is smaller.
 * Invalid fields get a second visual cue (ring) besides colour; the message itself is wired up
 * by FormField through aria-describedby.
 */
export const fieldClasses = clsx(
  'w-full rounded-md border border-input bg-surface text-base text-fg shadow-xs transition-colors',
  'placeholder:text-muted',
  'disabled:cursor-not-allowed disabled:bg-surface-muted disabled:opacity-70',
  'aria-invalid:border-danger aria-invalid:ring-1 aria-invalid:ring-danger',
  'high-contrast:border-2',
);

export type InputProps = ComponentProps<'input'>;

export function Input({ className, type = 'text', ...props }: InputProps) {
  return (
    <input
      type={type}
      className={clsx(
        fieldClasses,
        'h-10 px-3 read-only:bg-surface-muted',
        'file:mr-3 file:h-full file:border-0 file:bg-transparent file:font-medium file:text-fg',
        className,
      )}
      {...props}
    />
  );
}
