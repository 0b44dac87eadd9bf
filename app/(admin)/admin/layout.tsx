import type { ReactNode } from 'react';
import { PanelShell } from '@/components/layout/panel-shell';
import { panels } from '@/components/layout/nav-config';
import { requirePermission } from '@/lib/core/auth/guards';

const panel = panels.find((p) => p.key === 'admin')!;

export default async function Layout({ children }: { children: ReactNode }) {
  const actor = await requirePermission(panel.permission);
  return (
    <PanelShell panel={panel} actor={actor}>
      {children}
    </PanelShell>
  );
}
