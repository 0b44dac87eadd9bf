import type { ReactNode } from 'react';
import { Providers } from '@/components/providers';
import { requirePermission } from '@/lib/core/auth/guards';
import { panels, type PanelDef } from './nav-config';
import { PanelShell } from './panel-shell';

/**
 * The layout of a panel route group: the shell for someone who may open the panel, else sign-in/403.
 * There is deliberately no loading.tsx at a panel's root: a Suspense boundary there would flush a
 * 200 before a page's own permission check, turning its 403 into a soft one. Pages stream their
 * slow data inside <Suspense> after the check instead.
 */
export function panelLayout(key: PanelDef['key']) {
  const panel = panels.find((p) => p.key === key)!;
  return async function PanelLayout({ children }: { children: ReactNode }) {
    const actor = await requirePermission(panel.permission);
    return (
      <PanelShell panel={panel} actor={actor}>
        <Providers>{children}</Providers>
      </PanelShell>
    );
  };
}
