import type { ComponentProps } from 'react';
import { Loader2 } from 'lucide-react';
import { clsx } from 'clsx';
import { plainButtonClasses } from './button-variants';

import type { ButtonSize, ButtonVariant } from './button-variants';

export type { ButtonSize, ButtonVariant };

export interface ButtonProps extends ComponentProps<'button'> {
  variant?: ButtonVariant;
  size?: ButtonSize;
  /**
   * Shows a spinner, sets aria-busy and disables the button so a slow server action cannot be
   * submitted twice. The label stays visible so the button keeps its accessible name.
   */
  loading?: boolean;
}

export function Button({
  variant,
  size,
  loading = false,
  disabled,
  className,
  children,
  type = 'button',
  ...props
}: ButtonProps) {
  return (
    <button
      // Defaults to "button" because the HTML default ("submit") turns every unmarked button
      // inside a form into an accidental submit.
      type={type}
      disabled={disabled || loading}
      aria-busy={loading || undefined}
      // clsx, not tailwind-merge: buttons are in first-load JS of public forms. A className here must
      // only add (width, margin); to override a variant's class use buttonClasses() on a plain element.
      className={clsx(plainButtonClasses({ variant, size }), className)}
      {...props}
    >
      {loading ? <Loader2 aria-hidden="true" className="animate-spin" /> : null}
      {/* An icon-only button has room for one glyph; its name comes from aria-label anyway. */}
      {loading && size === 'icon' ? null : children}
    </button>
  );
}
