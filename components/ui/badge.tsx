import type { ComponentProps } from 'react';
import { cn } from './cn';

export type BadgeTone = 'neutral' | 'info' | 'success' | 'warning' | 'danger';

/*
 * Soft background + dark text of the same hue (AA in every theme). Colour is never the only
 * signal: the badge text itself must say the status ("Overdue", not just a red dot).
 */
const tones: Record<BadgeTone, string> = {
  neutral: 'border-border bg-surface-muted text-fg',
  info: 'border-info/30 bg-info-soft text-info-soft-fg',
  success: 'border-success/30 bg-success-soft text-success-soft-fg',
  warning: 'border-warning/30 bg-warning-soft text-warning-soft-fg',
  danger: 'border-danger/30 bg-danger-soft text-danger-soft-fg',
};

export interface BadgeProps extends ComponentProps<'span'> {
  tone?: BadgeTone;
}

export function badgeClasses({ tone = 'neutral', className }: { tone?: BadgeTone; className?: string } = {}) {
  return cn(
    'inline-flex max-w-full items-center gap-1 rounded-full border px-2.5 py-0.5 text-xs leading-5 font-medium whitespace-nowrap',
    '[&_svg]:size-3.5 [&_svg]:shrink-0',
    // In high contrast the tinted backgrounds collapse to white, so the border carries the tone.
    'high-contrast:border-current',
    tones[tone],
    className,
  );
}

export function Badge({ tone, className, ...props }: BadgeProps) {
  return <span className={badgeClasses({ tone, className })} {...props} />;
}
