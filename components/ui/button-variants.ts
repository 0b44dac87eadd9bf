import { clsx } from 'clsx';

export type ButtonVariant = 'primary' | 'secondary' | 'ghost' | 'danger' | 'link';
export type ButtonSize = 'sm' | 'md' | 'lg' | 'icon';

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
 * The variant classes without tailwind-merge, for client components that add no conflicting class
 * of their own (header controls on every page): keeps ~8 kB of merge logic out of first-load JS.
 */
export function plainButtonClasses({ variant = 'primary', size = 'md' }: { variant?: ButtonVariant; size?: ButtonSize } = {}): string {
  return clsx(
    'inline-flex shrink-0 cursor-pointer items-center justify-center rounded-md border font-medium whitespace-nowrap',
    'transition-colors select-none',
    'disabled:cursor-not-allowed disabled:opacity-60 aria-disabled:cursor-not-allowed aria-disabled:opacity-60',
    '[&_svg]:size-4 [&_svg]:shrink-0',
    sizes[size],
    variants[variant],
    variant === 'link' && 'h-auto min-h-6 px-0',
  );
}
