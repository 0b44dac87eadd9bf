import type { Metadata, Viewport } from 'next';
import { cookies } from 'next/headers';
import type { ReactNode } from 'react';
import { THEME_COOKIE, parseTheme } from '@/components/ui/theme';
import { LazyToaster } from '@/components/lazy-toaster';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Fixnado — trusted local services, on the map', template: '%s · Fixnado' },
  description: 'Find, book and pay local service providers by zone: on demand or for a slot, with crews, rentals and custom jobs.',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The theme is a cookie read on the server, so the first paint is right without an inline script.
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);
  return (
    <html lang="en-GB" data-theme={theme} suppressHydrationWarning>
      <body className="min-h-dvh bg-canvas text-fg antialiased">
        <a href="#main" className="skip-link">
          Skip to main content
        </a>
        {children}
        <LazyToaster />
      </body>
    </html>
  );
}
