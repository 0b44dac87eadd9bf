'use client';

import Link from 'next/link';
import { BellOff } from 'lucide-react';
import { formatInZone } from '@/components/desk/format';
import { useActionCall } from '@/components/desk/use-action-call';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { buttonClasses } from '@/components/ui/button-classes';
import { FormError } from '@/components/ui/form-field';
import { EmptyState } from '@/components/ui/states';
import { NOTIFICATIONS_CHANGED } from './bell.client';
import { markNotificationsReadAction } from '@/lib/notifications/in-app-actions';
import type { NotificationView } from '@/lib/notifications/in-app';

export function NotificationList({
  items,
  unread,
  unreadOnly,
  nextCursor,
  basePath = '/account/notifications',
}: {
  items: NotificationView[];
  unread: number;
  unreadOnly: boolean;
  nextCursor: string | null;
  /** Where this list lives: the customer account or the platform admin panel. */
  basePath?: string;
}) {
  const all = useActionCall(markNotificationsReadAction, (d) => (d.updated === 1 ? '1 notification marked read' : `${d.updated} notifications marked read`));
  const one = useActionCall(markNotificationsReadAction, 'Marked read');
  return (
    <div className="grid gap-4">
      <div className="flex flex-wrap items-center gap-2">
        <p className="me-auto text-sm text-muted" aria-live="polite">
          {unread === 0 ? 'All caught up.' : `${unread} unread`}
        </p>
        <nav aria-label="Filter notifications" className="flex gap-1">
          <Link href={basePath} aria-current={!unreadOnly ? 'page' : undefined} className={buttonClasses({ variant: !unreadOnly ? 'secondary' : 'ghost', size: 'sm' })}>
            All
          </Link>
          <Link href={`${basePath}?unread=1`} aria-current={unreadOnly ? 'page' : undefined} className={buttonClasses({ variant: unreadOnly ? 'secondary' : 'ghost', size: 'sm' })}>
            Unread
          </Link>
        </nav>
        <Button size="sm" variant="secondary" disabled={unread === 0 || all.pending} aria-busy={all.pending} onClick={() => all.run({ all: true }, () => window.dispatchEvent(new Event(NOTIFICATIONS_CHANGED)))}>
          {all.pending ? 'Marking…' : 'Mark all read'}
        </Button>
      </div>
      <div id={all.errorId} tabIndex={-1} className="outline-none">
        <FormError message={all.error?.message ?? one.error?.message} />
      </div>
      {items.length === 0 ? (
        <EmptyState icon={<BellOff />} title={unreadOnly ? 'No unread notifications' : 'No notifications yet'} description="Updates about your bookings and jobs will appear here." />
      ) : (
        <ul className="divide-y divide-border rounded-lg border border-border bg-surface">
          {items.map((n) => (
            <li key={n.id} className="flex flex-col gap-2 p-4 sm:flex-row sm:items-start">
              <div className="grid min-w-0 flex-1 gap-1">
                <p className="flex flex-wrap items-center gap-2 font-medium">
                  {!n.read ? <Badge tone="info">New</Badge> : <span className="sr-only">Read:</span>}
                  {n.href ? (
                    <Link href={n.href} className="text-link underline-offset-4 hover:underline">
                      {n.title}
                    </Link>
                  ) : (
                    <span>{n.title}</span>
                  )}
                </p>
                {n.body ? <p className="text-sm text-muted">{n.body}</p> : null}
                <p className="text-xs text-muted">{formatInZone(n.createdAt, 'Europe/London')}</p>
              </div>
              {!n.read ? (
                <Button size="sm" variant="ghost" disabled={one.pending} onClick={() => one.run({ ids: [n.id] }, () => window.dispatchEvent(new Event(NOTIFICATIONS_CHANGED)))}>
                  Mark read<span className="sr-only">: {n.title}</span>
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {nextCursor ? (
        <Link href={`${basePath}?${unreadOnly ? 'unread=1&' : ''}cursor=${encodeURIComponent(nextCursor)}`} className={buttonClasses({ variant: 'secondary', size: 'sm', className: 'justify-self-start' })}>
          Older notifications
        </Link>
      ) : null}
    </div>
  );
}
