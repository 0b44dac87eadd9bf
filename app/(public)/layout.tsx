import Link from 'next/link';
import type { ReactNode } from 'react';
import { SiteHeader } from '@/components/layout/site-header';
import { getActor } from '@/lib/core/auth/session';

export default async function PublicLayout({ children }: { children: ReactNode }) {
  const actor = await getActor();
  return (
    <>
      <SiteHeader actor={actor} />
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <footer className="mt-16 border-t border-border">
        <div className="mx-auto flex max-w-7xl flex-wrap gap-x-6 gap-y-2 px-4 py-6 text-sm text-muted sm:px-6">
          <span>© Fixnado</span>
          <Link href="/api/docs" className="hover:text-fg">
            API reference
          </Link>
          <Link href="/sign-up/provider" className="hover:text-fg">
            List your business
          </Link>
        </div>
      </footer>
    </>
  );
}
