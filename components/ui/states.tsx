import type { ComponentProps, ReactNode } from 'react';
import { Loader2, RotateCcw, TriangleAlert } from 'lucide-react';
import { Button } from './button';
import { cn } from './cn';

type HeadingLevel = 'h1' | 'h2' | 'h3' | 'h4';

export interface EmptyStateProps {
  /** Decorative icon element, e.g. `<Inbox />`; hidden from assistive tech. */
  icon?: ReactNode;
  title: ReactNode;
  description?: ReactNode;
  /** Usually the next step, e.g. `<Link className={buttonClasses()} href="/jobs/new">Post a job</Link>`. */
  action?: ReactNode;
  /** Pick the level that fits the page outline; defaults to h2 (under the page's h1). */
  headingLevel?: HeadingLevel;
  className?: string;
}

export function EmptyState({ icon, title, description, action, headingLevel: Heading = 'h2', className }: EmptyStateProps) {
  return (
    <div className={cn('mx-auto flex max-w-md flex-col items-center gap-3 px-4 py-10 text-center', className)}>
      {icon ? (
        <div
          aria-hidden="true"
          className="flex size-12 items-center justify-center rounded-full bg-surface-muted text-muted [&_svg]:size-6"
        >
          {icon}
        </div>
      ) : null}
      <Heading className="text-base font-semibold text-fg">{title}</Heading>
      {description ? <p className="text-sm text-muted">{description}</p> : null}
      {action ? <div className="mt-2 flex flex-wrap justify-center gap-2">{action}</div> : null}
    </div>
  );
}

export interface ErrorStateProps {
  title?: ReactNode;
  message?: ReactNode;
  /**
   * Shows a retry button. In an App Router `error.tsx`, pass the `reset` prop it receives
   * (`<ErrorState onRetry={reset} digest={error.digest} />`); error.tsx is a Client Component,
   * so passing the function is allowed there.
   */
  onRetry?: () => void;
  retryLabel?: string;
  /** Next's error digest, shown so users can quote it to support; the real message stays in the logs. */
  digest?: string;
  /** Extra actions, e.g. a link home; works from Server Components, unlike `onRetry`. */
  action?: ReactNode;
  headingLevel?: HeadingLevel;
  className?: string;
}

/*
 * role="alert" so screen readers announce the failure when it replaces content that was
 * loading. The alert wraps only the text, not the buttons, so nothing interactive is re-read.
 */
export function ErrorState({
  title = 'Something went wrong',
  message = 'Please try again. If the problem continues, contact support.',
  onRetry,
  retryLabel = 'Try again',
  digest,
  action,
  headingLevel: Heading = 'h2',
  className,
}: ErrorStateProps) {
  return (
    <div className={cn('mx-auto flex max-w-md flex-col items-center gap-3 px-4 py-10 text-center', className)}>
      <div
        aria-hidden="true"
        className="flex size-12 items-center justify-center rounded-full bg-danger-soft text-danger high-contrast:border-2 high-contrast:border-danger"
      >
        <TriangleAlert className="size-6" />
      </div>
      <div role="alert" className="grid gap-1">
        <Heading className="text-base font-semibold text-fg">{title}</Heading>
        <p className="text-sm text-muted">{message}</p>
      </div>
      {digest ? (
        <p className="text-xs text-muted">
          Reference: <code className="font-mono select-all">{digest}</code>
        </p>
      ) : null}
      {onRetry || action ? (
        <div className="mt-2 flex flex-wrap justify-center gap-2">
          {onRetry ? (
            <Button onClick={onRetry}>
              <RotateCcw aria-hidden="true" />
              {retryLabel}
            </Button>
          ) : null}
          {action}
        </div>
      ) : null}
    </div>
  );
}

export interface SpinnerProps {
  /** Announced to screen readers; visually hidden. */
  label?: string;
  className?: string;
}

/** Inline busy indicator. role="status" is polite, so it does not interrupt what is being read. */
export function Spinner({ label = 'Loading', className }: SpinnerProps) {
  return (
    <span role="status" className={cn('inline-flex items-center text-muted', className)}>
      <Loader2 aria-hidden="true" className="size-5 animate-spin" />
      <span className="sr-only">{label}</span>
    </span>
  );
}

export interface LoadingStateProps {
  /** Visible and announced, e.g. "Loading bookings…". */
  label?: string;
  className?: string;
}

/** Block-level loading placeholder for `loading.tsx` and Suspense fallbacks. */
export function LoadingState({ label = 'Loading…', className }: LoadingStateProps) {
  return (
    <div
      role="status"
      className={cn('flex flex-col items-center justify-center gap-3 px-4 py-10 text-sm text-muted', className)}
    >
      <Loader2 aria-hidden="true" className="size-6 animate-spin" />
      <p>{label}</p>
    </div>
  );
}

/**
 * Grey placeholder block shaped like the content to come. Hidden from assistive tech: pair a
 * group of skeletons with one Spinner/LoadingState (or an sr-only status) so the wait is announced once.
 */
export function Skeleton({ className, ...props }: ComponentProps<'div'>) {
  return (
    <div
      aria-hidden="true"
      className={cn('animate-pulse rounded-md bg-surface-muted high-contrast:border high-contrast:border-fg', className)}
      {...props}
    />
  );
}

/** Paragraph-shaped skeleton; the last line is shorter so it reads as text. */
export function SkeletonText({ lines = 3, className }: { lines?: number; className?: string }) {
  return (
    <div aria-hidden="true" className={cn('grid gap-2', className)}>
      {Array.from({ length: lines }, (_, index) => (
        <Skeleton key={index} className={cn('h-4', index === lines - 1 && lines > 1 ? 'w-2/3' : 'w-full')} />
      ))}
    </div>
  );
}
