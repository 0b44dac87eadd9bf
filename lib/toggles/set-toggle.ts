import { and, eq } from 'drizzle-orm';
import { featureToggles } from '@/db/schema';
import { emitEvent } from '@/lib/analytics/events';
import { recordAudit } from '@/lib/audit/record-audit';
import { authorize } from '@/lib/core/auth/permissions';
import { withTx, type Ctx } from '@/lib/core/context';
import { parseInput } from '@/lib/core/validate';
import { forgetToggleSnapshot, toggleEnvironment, toToggleDto } from './queries';
import { setToggleInput, type ToggleDto } from './schemas';

export interface SetToggleResult {
  toggle: ToggleDto;
  created: boolean;
  /** False when the submitted values equal the stored ones: nothing was written or audited. */
  changed: boolean;
}

/**
 * Creates or updates a toggle of the current environment. The audit record carries the state
 * before and after, so "who turned this on, and from what" is answerable from the trail alone.
 */
export async function setToggle(ctx: Ctx, raw: unknown): Promise<SetToggleResult> {
  authorize(ctx.actor, 'toggles.update');
  const input = parseInput(setToggleInput, raw);
  const environment = toggleEnvironment();
  const updatedBy = ctx.actor.kind === 'user' ? ctx.actor.userId : null;
  const where = and(eq(featureToggles.key, input.key), eq(featureToggles.environment, environment));
  const next = { enabled: input.enabled, rolloutPercent: input.rolloutPercent, updatedBy };

  const result = await withTx(ctx, async (c) => {
    // Insert-if-absent first: of two admins creating the same key at once, exactly one sees
    // `created`; the other falls through to the locked update below with a true "before".
    const [inserted] = await c.tx
      .insert(featureToggles)
      .values({ key: input.key, environment, description: input.description ?? '', ...next, updatedAt: c.now })
      .onConflictDoNothing()
      .returning();

    if (inserted) {
      await recordAudit(c, {
        action: 'toggles.update',
        entityType: 'feature_toggle',
        entityId: input.key,
        data: { environment, created: true, before: null, after: { enabled: inserted.enabled, rolloutPercent: inserted.rolloutPercent } },
      });
      await emitEvent(c, 'toggles.changed', { key: input.key, enabled: inserted.enabled, rolloutPercent: inserted.rolloutPercent });
      return { row: inserted, created: true, changed: true };
    }

    // Row lock so the "before" we audit is exactly the state this update replaces.
    const [current] = await c.tx.select().from(featureToggles).where(where).for('update');
    const description = input.description ?? current.description;
    const descriptionChanged = current.description !== description;
    if (!descriptionChanged && current.enabled === input.enabled && current.rolloutPercent === input.rolloutPercent) {
      return { row: current, created: false, changed: false };
    }
    const [updated] = await c.tx
      .update(featureToggles)
      .set({ ...next, description, updatedAt: c.now })
      .where(where)
      .returning();
    await recordAudit(c, {
      action: 'toggles.update',
      entityType: 'feature_toggle',
      entityId: input.key,
      data: {
        environment,
        created: false,
        before: { enabled: current.enabled, rolloutPercent: current.rolloutPercent },
        after: { enabled: updated.enabled, rolloutPercent: updated.rolloutPercent },
        // Free text stays out of the trail (it could hold anything); that it changed is enough.
        descriptionChanged,
      },
    });
    await emitEvent(c, 'toggles.changed', { key: input.key, enabled: updated.enabled, rolloutPercent: updated.rolloutPercent });
    return { row: updated, created: false, changed: true };
  });

  if (result.changed) forgetToggleSnapshot();
  return { toggle: toToggleDto(result.row), created: result.created, changed: result.changed };
}
