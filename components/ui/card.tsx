import type { ComponentProps } from 'react';
import { cn } from './cn';

export function Card({ className, ...props }: ComponentProps<'div'>) {
  return (
    <div
      className={cn(
        'rounded-lg border bg-surface text-fg shadow-xs high-contrast:border-2 high-contrast:border-fg',
        className,
      )}
      {...props}
    />
  );
}

export function CardHeader({ className, ...props }: ComponentProps<'div'>) {
  return <div className={cn('grid gap-1 p-4 sm:p-6', className)} {...props} />;
}

export interface CardTitleProps extends ComponentProps<'h2'> {
  /**
   * Cards sit under a page's h1 by default. Use h1 when the card is the whole page (sign-in),
   * h3 for cards nested inside a titled section.
   */
  as?: 'h1' | 'h2' | 'h3' | 'h4';
}

export function CardTitle({ as: Heading = 'h2', className, ...props }: CardTitleProps) {
  return <Heading className={cn('text-base leading-6 font-semibold', className)} {...props} />;
}

export function CardDescription({ className, ...props }: ComponentProps<'p'>) {
  return <p className={cn('text-sm text-muted', className)} {...props} />;
}

/* No top padding: the header above already provides the gap. Add `pt-4 sm:pt-6` when headerless. */
export function CardContent({ className, ...props }: ComponentProps<'div'>) {
  return <div className={cn('px-4 pb-4 sm:px-6 sm:pb-6', className)} {...props} />;
}

export function CardFooter({ className, ...props }: ComponentProps<'div'>) {
  return (
    <div className={cn('flex flex-wrap items-center gap-2 border-t px-4 py-3 sm:px-6', className)} {...props} />
  );
}
