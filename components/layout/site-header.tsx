import Link from 'next/link';
import { cookies } from 'next/headers';
import { buttonClasses } from '@/components/ui/button-classes';
import { ThemeSwitcher } from '@/components/ui/theme-switcher';
import { THEME_COOKIE, parseTheme } from '@/components/ui/theme';
import { can } from '@/lib/core/auth/permissions';
import type { UserActor } from '@/lib/core/context';
import { signOutAction } from '@/lib/identity/actions';
import { NotificationBell } from '@/components/notifications/bell.client';
import { MobileNav, type MobileNavGroup } from './mobile-nav';
import { panels } from './nav-config';

/** The top bar on every page: brand, the panels this person can open, account controls. */
export async function SiteHeader({ actor }: { actor: UserActor | null }) {
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value) ?? 'system';
  const openPanels = actor ? panels.filter((p) => can(actor, p.permission)) : [];
  const groups: MobileNavGroup[] = [
    { title: 'Fixnado', items: [{ href: '/', label: 'Home' }, { href: '/marketplace', label: 'Marketplace' }, ...(actor ? [] : [{ href: '/sign-in', label: 'Sign in' }, { href: '/sign-up', label: 'Create account' }, { href: '/sign-up/provider', label: 'List your business' }])] },
    ...openPanels.map((p) => ({ title: p.title, items: p.items.filter((i) => !i.roles || i.roles.some((r) => actor!.roles.includes(r))) })),
  ];
  return (
    <header className="sticky top-0 z-30 border-b border-border bg-surface/95 backdrop-blur">
      <div className="mx-auto flex h-14 max-w-7xl items-center gap-2 px-3 sm:px-6">
        <MobileNav groups={groups} />
        <Link href="/" className="flex min-h-10 items-center gap-2 rounded-md px-1 text-lg font-bold tracking-tight">
          <span aria-hidden className="grid size-7 place-items-center rounded-md bg-primary text-sm text-primary-fg">
            F
          </span>
          Fixnado
        </Link>
        <nav aria-label="Browse" className="ms-4 hidden items-center md:flex">
          <Link href="/marketplace" className="flex min-h-10 items-center rounded-md px-3 text-sm font-medium text-muted hover:bg-surface-muted hover:text-fg">
            Marketplace
          </Link>
        </nav>
        <nav aria-label="Panels" className="hidden items-center gap-1 md:flex">
          {openPanels.map((p) => (
            <Link key={p.key} href={p.href} className="flex min-h-10 items-center rounded-md px-3 text-sm font-medium text-muted hover:bg-surface-muted hover:text-fg">
              {p.title}
            </Link>
          ))}
        </nav>
        <div className="ms-auto flex items-center gap-2">
          <ThemeSwitcher initialTheme={theme} />
          {actor ? (
            <>
              {/* The centre lives in the account panel; other roles get it once it has a panel-free route. */}
              {can(actor, 'panel.account') ? <NotificationBell /> : can(actor, 'panel.admin') ? <NotificationBell href="/admin/notifications" /> : null}
              <span className="hidden max-w-48 truncate text-sm text-muted lg:inline" title={actor.email}>
                {actor.name}
              </span>
              <form action={signOutAction}>
                <button type="submit" className={buttonClasses({ variant: 'secondary', size: 'sm' })}>
                  Sign out
                </button>
              </form>
            </>
          ) : (
            <>
              <Link href="/sign-in" className={buttonClasses({ variant: 'ghost', size: 'sm', className: 'hidden sm:inline-flex' })}>
                Sign in
              </Link>
              <Link href="/sign-up" className={buttonClasses({ size: 'sm' })}>
                Get started
              </Link>
            </>
          )}
        </div>
      </div>
    </header>
  );
}
