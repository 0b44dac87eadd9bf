// GET /api/v1/me/notifications — the bell's unread count (and optionally the newest items).
import { NextResponse } from 'next/server';
import { defineRoute } from '@/lib/core/route';
import { listNotifications, unreadCount } from '@/lib/notifications/in-app';
import { myNotificationsContract } from '@/lib/notifications/in-app-contracts';

export const GET = defineRoute(myNotificationsContract, async ({ ctx, query }) => {
  const unread = await unreadCount(ctx);
  const body = query.items === '1' ? { unread, ...(await listNotifications(ctx, query)) } : { unread };
  // Personal data: never cached by a shared cache.
  return NextResponse.json(body, { headers: { 'cache-control': 'private, no-store' } });
});
