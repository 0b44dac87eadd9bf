import { z } from 'zod';
import type { RouteContract } from '@/lib/core/route';
import { listNotificationsQuery } from './in-app';

const notificationWire = z.object({ id: z.string(), kind: z.string(), title: z.string(), body: z.string(), href: z.string().nullable(), read: z.boolean(), createdAt: z.string() });

/** GET /api/v1/me/notifications — the bell: unread count, and with ?items=1 the newest items. */
export const myNotificationsContract = {
  method: 'GET',
  path: '/api/v1/me/notifications',
  summary: 'My unread notification count (the bell); with items=1 also my newest notifications (own rows only)',
  tags: ['notifications'],
  auth: 'user',
  permission: 'account.read_self',
  query: listNotificationsQuery.extend({ items: z.enum(['0', '1']).optional() }),
  response: z.object({ unread: z.number().int(), items: z.array(notificationWire).optional(), nextCursor: z.string().nullable().optional() }),
} satisfies RouteContract;
