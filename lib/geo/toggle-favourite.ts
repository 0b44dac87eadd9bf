/**
 * Save or unsave a provider. Idempotent: saving twice or removing something not saved succeeds
 * without a second row or audit entry. Only providers with a public profile can be saved; any
 * other id (unknown, a non-provider organisation) is NOT_FOUND, so ids cannot be probed.
 */
import { and, eq, sql } from 'drizzle-orm';
import { favouriteProviders } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import { authorize } from '@/lib/core/auth/permissions';
import { withTx, type Ctx } from '@/lib/core/context';
import { notFound, unauthenticated } from '@/lib/core/errors';
import { parseInput } from '@/lib/core/validate';
import { rowsOf } from '@/db/client';
import { toggleFavouriteInput } from './match-schemas';

export async function toggleFavourite(ctx: Ctx, raw: unknown): Promise<{ favourite: boolean }> {
  // Anonymous visitors are asked to sign in rather than told they lack a permission.
  if (ctx.actor.kind !== 'user') throw unauthenticated();
  authorize(ctx.actor, 'favourites.manage');
  const userId = ctx.actor.userId;
  const input = parseInput(toggleFavouriteInput, raw);
  return withTx(ctx, async (c) => {
    const [provider] = rowsOf<{ id: string }>(
      await c.tx.execute(sql`
        select o.id from organisations o join provider_profiles p on p.org_id = o.id
        where o.id = ${input.providerOrgId} and o.kind = 'provider'`),
    );
    if (!provider) throw notFound('That provider');
    let changed: boolean;
    if (input.favourite) {
      const inserted = await c.tx
        .insert(favouriteProviders)
        .values({ userId, providerOrgId: provider.id, createdAt: c.now })
        .onConflictDoNothing()
        .returning({ userId: favouriteProviders.userId });
      changed = inserted.length > 0;
    } else {
      const removed = await c.tx
        .delete(favouriteProviders)
        .where(and(eq(favouriteProviders.userId, userId), eq(favouriteProviders.providerOrgId, provider.id)))
        .returning({ userId: favouriteProviders.userId });
      changed = removed.length > 0;
    }
    if (changed) {
      await recordAudit(c, {
        action: input.favourite ? 'favourites.add' : 'favourites.remove',
        entityType: 'provider',
        entityId: provider.id,
        tenantId: null,
      });
    }
    return { favourite: input.favourite };
  });
}
