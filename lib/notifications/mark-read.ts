/** Marks the caller's own notifications read: some by id, or all. Other people's ids are ignored. */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { notifications } from '@/db/schema';
import { authorize } from '@/lib/core/auth/permissions';
import { exec, type Ctx } from '@/lib/core/context';
import { AppError, validation } from '@/lib/core/errors';
import { parseInput } from '@/lib/core/validate';

export const markNotificationsReadInput = z.object({
  ids: z
    .union([z.array(z.uuid({ message: 'must be valid ids' })), z.uuid({ message: 'must be valid ids' }).transform((v) => [v])])
    .optional(),
  all: z
    .union([z.boolean(), z.enum(['true', 'false', 'on'])])
    .optional()
    .transform((v) => v === true || v === 'true' || v === 'on'),
});

export async function markNotificationsRead(ctx: Ctx, raw: unknown): Promise<{ updated: number }> {
  if (ctx.actor.kind !== 'user') throw new AppError('UNAUTHENTICATED', 'Please sign in to continue.');
  authorize(ctx.actor, 'account.update_self');
  const input = parseInput(markNotificationsReadInput, raw);
  const ids = [...new Set(input.ids ?? [])];
  if (!input.all && !ids.length) throw validation({ ids: ['choose at least one notification, or all'] });
  if (ids.length > 500) throw validation({ ids: ['must list at most 500'] });
  const rows = await exec(ctx)
    .update(notifications)
    .set({ readAt: ctx.now })
    .where(and(eq(notifications.userId, ctx.actor.userId), isNull(notifications.readAt), input.all ? undefined : inArray(notifications.id, ids)))
    .returning({ id: notifications.id });
  return { updated: rows.length };
}
