'use client';

import { ErrorState } from '@/components/ui/states';

/** The error boundary of every panel (each panel's error.tsx re-exports it). */
export function PanelError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <ErrorState
      title="This page could not be loaded"
      message="Something went wrong on our side. Try again, and contact support if it keeps happening."
      digest={error.digest}
      onRetry={reset}
    />
  );
}
