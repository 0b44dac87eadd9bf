'use client';

import { ErrorState } from '@/components/ui/states';
import './globals.css';

export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en-GB">
      <body className="min-h-dvh bg-canvas text-fg">
        <main className="mx-auto max-w-lg px-4 py-16">
          <ErrorState headingLevel="h1" title="Fixnado hit a problem" message="Please try again in a moment." digest={error.digest} onRetry={reset} />
        </main>
      </body>
    </html>
  );
}
