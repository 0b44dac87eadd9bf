import type { ReactNode } from 'react';
import type { UserActor } from '@/lib/core/context';
import { roleLabels } from '@/lib/core/auth/roles';
import { NavLink } from './nav-link';
import type { PanelDef } from './nav-config';
import { SiteHeader } from './site-header';

/** A panel: the site header, a role-filtered sidebar (a drawer on phones), and the page. */
export function PanelShell({ panel, actor, children }: { panel: PanelDef; actor: UserActor; children: ReactNode }) {
  const items = panel.items.filter((i) => !i.roles || i.roles.some((r) => actor.roles.includes(r)));
  const org = actor.memberships.find((m) => m.orgName && panel.key !== 'account' && m.orgKind === ({ provider: 'provider', enterprise: 'enterprise', admin: 'platform', account: null } as const)[panel.key]);
  return (
    <>
      <SiteHeader actor={actor} />
      <div className="mx-auto flex max-w-7xl gap-6 px-3 py-6 sm:px-6">
        <aside className="hidden w-56 shrink-0 md:block" aria-label={`${panel.title} navigation`}>
          <p className="px-3 text-xs font-semibold tracking-wide text-muted uppercase">{panel.title}</p>
          {org?.orgName ? <p className="mt-1 truncate px-3 text-sm font-medium">{org.orgName}</p> : null}
          <nav aria-label={panel.title} className="mt-3 grid gap-1">
            {items.map((item) => (
              <NavLink key={item.href} href={item.href} exact={item.href === panel.href}>
                {item.label}
              </NavLink>
            ))}
          </nav>
          <p className="mt-6 px-3 text-xs text-muted">
            Signed in as {actor.roles.map((r) => roleLabels[r]).join(', ')}
          </p>
        </aside>
        <main id="main" className="min-w-0 flex-1" tabIndex={-1}>
          {children}
        </main>
      </div>
    </>
  );
}
