/**
 * The in-app notification centre: a signed-in person's own notifications (rows written by the
 * domain verbs, e.g. lib/bookings/internal.ts notify). Own rows only; nobody reads another's.
 */
import { and, count, desc, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { notifications } from '@/db/schema';
import { authorize } from '@/lib/core/auth/permissions';
import { exec, type Ctx } from '@/lib/core/context';
import { AppError } from '@/lib/core/errors';
import { parseInput } from '@/lib/core/validate';

export const listNotificationsQuery = z.object({
  unreadOnly: z
    .union([z.boolean(), z.enum(['true', 'false', '1', '0', 'on'])])
    .optional()
    .transform((v) => v === true || v === 'true' || v === '1' || v === 'on'),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});

export interface NotificationView {
  id: string;
  kind: string;
  title: string;
  body: string;
  href: string | null;
  read: boolean;
  createdAt: string;
}

function userIdOf(ctx: Ctx): string {
  if (ctx.actor.kind !== 'user') throw new AppError('UNAUTHENTICATED', 'Please sign in to continue.');
  authorize(ctx.actor, 'account.read_self');
  return ctx.actor.userId;
}

/** Newest first, keyset cursor `created_at|id`. */
export async function listNotifications(ctx: Ctx, raw: unknown = {}): Promise<{ items: NotificationView[]; nextCursor: string | null }> {
  const userId = userIdOf(ctx);
  const q = parseInput(listNotificationsQuery, raw);
  let cursorCond = sql`true`;
  if (q.cursor) {
    const [at, id] = q.cursor.split('|');
    if (!at || !id || Number.isNaN(Date.parse(at)) || !/^[0-9a-f-]{36}$/i.test(id)) {
      throw new AppError('VALIDATION', 'Please check: cursor: is not valid.', { fieldErrors: { cursor: ['is not valid'] } });
    }
    cursorCond = sql`(${notifications.createdAt}, ${notifications.id}) < (${new Date(at).toISOString()}::timestamptz, ${id}::uuid)`;
  }
  const rows = await exec(ctx)
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), q.unreadOnly ? isNull(notifications.readAt) : undefined, cursorCond))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => ({
      id: r.id,
      kind: r.kind,
      title: r.title,
      body: r.body,
      // Only same-site paths are ever linked.
      href: r.href && r.href.startsWith('/') && !r.href.startsWith('//') ? r.href : null,
      read: r.readAt !== null,
      createdAt: new Date(r.createdAt).toISOString(),
    })),
    nextCursor: rows.length > q.limit && last ? `${new Date(last.createdAt).toISOString()}|${last.id}` : null,
  };
}

/** How many of the caller's notifications are unread (the bell). */
export async function unreadCount(ctx: Ctx): Promise<number> {
  const userId = userIdOf(ctx);
  const [row] = await exec(ctx)
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return Number(row?.n ?? 0);
}
