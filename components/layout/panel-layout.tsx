import type { ReactNode } from 'react';
import { LoadingState } from '@/components/ui/states';
import { requirePermission } from '@/lib/core/auth/guards';
import { panels, type PanelDef } from './nav-config';
import { PanelShell } from './panel-shell';

/** The layout of a panel route group: the shell for someone who may open the panel, else sign-in/403. */
export function panelLayout(key: PanelDef['key']) {
  const panel = panels.find((p) => p.key === key)!;
  return async function PanelLayout({ children }: { children: ReactNode }) {
    const actor = await requirePermission(panel.permission);
    return (
      <PanelShell panel={panel} actor={actor}>
        {children}
      </PanelShell>
    );
  };
}

export function PanelLoading() {
  return <LoadingState label="Loading…" />;
}
