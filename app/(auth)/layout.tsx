import type { ReactNode } from 'react';
import { SiteHeader } from '@/components/layout/site-header';
import { getActor } from '@/lib/core/auth/session';

export default async function AuthLayout({ children }: { children: ReactNode }) {
  const actor = await getActor();
  return (
    <>
      <SiteHeader actor={actor} />
      <main id="main" tabIndex={-1} className="mx-auto grid w-full max-w-md gap-6 px-4 py-10 sm:py-16">
        {children}
      </main>
    </>
  );
}
