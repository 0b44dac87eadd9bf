'use client';

import './globals.css';

/**
 * Last-resort boundary (the root layout itself failed). Plain markup on purpose: this module is
 * part of every page's first-load JavaScript, so it must not pull in the design system.
 */
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en-GB">
      <body className="min-h-dvh bg-canvas text-fg">
        <main className="mx-auto grid max-w-lg gap-3 px-4 py-16 text-center">
          <h1 className="text-xl font-semibold">Fixnado hit a problem</h1>
          <p role="alert" className="text-muted">
            Please try again in a moment.
          </p>
          {error.digest ? <p className="text-xs text-muted">Reference: {error.digest}</p> : null}
          <p>
            <button type="button" onClick={reset} className="inline-flex h-10 items-center rounded-md bg-primary px-4 text-sm font-medium text-primary-fg">
              Try again
            </button>
          </p>
        </main>
      </body>
    </html>
  );
}
