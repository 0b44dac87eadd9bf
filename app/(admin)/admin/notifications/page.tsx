import type { Metadata } from 'next';
import { guardedPage } from '@/components/layout/guarded-page';
import { NotificationList } from '@/components/notifications/notification-list.client';
import { PageHeader } from '@/components/ui/page-header';
import { requestCtx } from '@/lib/core/auth/session';
import { listNotifications, unreadCount } from '@/lib/notifications/in-app';

export const metadata: Metadata = { title: 'Notifications' };

// Platform staff (operations get SLA breaches and dispatch escalations) read their own
// notifications inside the admin panel; the rows and the verbs are the same as a customer's.
async function AdminNotificationsContent({ searchParams }: { searchParams: Promise<{ unread?: string; cursor?: string }> }) {
  const sp = await searchParams;
  const ctx = await requestCtx();
  const unreadOnly = sp.unread === '1';
  const [page, unread] = await Promise.all([listNotifications(ctx, { unreadOnly, cursor: sp.cursor, limit: 30 }), unreadCount(ctx)]);
  return (
    <>
      <PageHeader title="Notifications" description="SLA breaches, dispatch escalations and other alerts. Times are shown in Europe/London." />
      <NotificationList items={page.items} unread={unread} unreadOnly={unreadOnly} nextCursor={page.nextCursor} basePath="/admin/notifications" />
    </>
  );
}

export default guardedPage('account.read_self', AdminNotificationsContent, 'Loading notifications…');
