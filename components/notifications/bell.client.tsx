'use client';

import { useEffect, useState } from 'react';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { Bell } from 'lucide-react';

/** Dispatched on window by the notification centre after marking read, so the bell follows at once. */
export const NOTIFICATIONS_CHANGED = 'fixnado:notifications-changed';

/**
 * The header bell: renders at once with no count, then fetches the unread count after paint
 * (again on navigation, when the tab regains focus or the centre changes something), so no page waits on it and signed-out pages never render it.
 */
export function NotificationBell({ href = '/account/notifications' }: { href?: string }) {
  const [unread, setUnread] = useState<number | null>(null);
  const pathname = usePathname();
  useEffect(() => {
    let alive = true;
    const load = () => {
      fetch('/api/v1/me/notifications', { credentials: 'same-origin', cache: 'no-store' })
        .then((r) => (r.ok ? r.json() : null))
        .then((body: { unread?: number } | null) => {
          if (alive && body && typeof body.unread === 'number') setUnread(body.unread);
        })
        .catch(() => {});
    };
    load();
    const onFocus = () => document.visibilityState === 'visible' && load();
    document.addEventListener('visibilitychange', onFocus);
    window.addEventListener(NOTIFICATIONS_CHANGED, load);
    return () => {
      alive = false;
      document.removeEventListener('visibilitychange', onFocus);
      window.removeEventListener(NOTIFICATIONS_CHANGED, load);
    };
  }, [pathname]);
  const label = unread === null ? 'Notifications' : `Notifications, ${unread} unread`;
  return (
    <Link
      href={href}
      aria-label={label}
      title={label}
      className="relative inline-flex size-10 shrink-0 items-center justify-center rounded-md border border-transparent text-fg hover:bg-surface-muted"
    >
      <Bell aria-hidden="true" className="size-5" />
      {unread ? (
        <span aria-hidden="true" className="absolute -top-0.5 -right-0.5 min-w-5 rounded-full bg-danger px-1 text-center text-xs leading-5 font-semibold text-danger-fg">
          {unread > 99 ? '99+' : unread}
        </span>
      ) : null}
    </Link>
  );
}
