import type { ComponentProps } from 'react';
import { Loader2 } from 'lucide-react';
import { cn } from './cn';

export type ButtonVariant = 'primary' | 'secondary' | 'ghost' | 'danger' | 'link';
export type ButtonSize = 'sm' | 'md' | 'lg' | 'icon';

export interface ButtonClassOptions {
  variant?: ButtonVariant;
  size?: ButtonSize;
  className?: string;
}

/*
 * Every variant keeps a border (transparent when not needed) so buttons stay outlined in
 * Windows forced-colours mode, where backgrounds are dropped.
 */
const variants: Record<ButtonVariant, string> = {
  primary: 'border-transparent bg-primary text-primary-fg hover:bg-primary-hover',
  secondary:
    'border-border bg-secondary text-secondary-fg hover:bg-secondary-hover high-contrast:border-fg',
  ghost: 'border-transparent bg-transparent text-fg hover:bg-surface-muted',
  danger: 'border-transparent bg-danger text-danger-fg hover:bg-danger-hover',
  link: 'border-transparent bg-transparent px-0 text-link underline underline-offset-4 hover:decoration-2',
};

/* Heights never drop below 36px so touch targets clear WCAG 2.5.8 (24px) with room to spare. */
const sizes: Record<ButtonSize, string> = {
  sm: 'h-9 gap-1.5 px-3 text-sm',
  md: 'h-10 gap-2 px-4 text-sm',
  lg: 'h-12 gap-2 px-6 text-base',
  icon: 'size-10 p-0',
};

/**
 * Button styling as a class string, so a Next `<Link>` (or any element) can look like a button
 * without nesting interactive elements: `<Link href="/x" className={buttonClasses()}>`.
 */
export function buttonClasses({ variant = 'primary', size = 'md', className }: ButtonClassOptions = {}): string {
  return cn(
    'inline-flex shrink-0 cursor-pointer items-center justify-center rounded-md border font-medium whitespace-nowrap',
    'transition-colors select-none',
    'disabled:cursor-not-allowed disabled:opacity-60 aria-disabled:cursor-not-allowed aria-disabled:opacity-60',
    '[&_svg]:size-4 [&_svg]:shrink-0',
    sizes[size],
    variants[variant],
    variant === 'link' && 'h-auto min-h-6 px-0',
    className,
  );
}

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
      className={buttonClasses({ variant, size, className })}
      {...props}
    >
      {loading ? <Loader2 aria-hidden="true" className="animate-spin" /> : null}
      {/* An icon-only button has room for one glyph; its name comes from aria-label anyway. */}
      {loading && size === 'icon' ? null : children}
    </button>
  );
}
