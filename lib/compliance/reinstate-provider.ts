import { and, eq } from 'drizzle-orm';
import { providerCompliance } from '@/db/schema';
import { emitEvent } from '@/lib/analytics/events';
import { recordAudit } from '@/lib/audit/record-audit';
import { authorize } from '@/lib/core/auth/permissions';
import { withTx, type Ctx } from '@/lib/core/context';
import { AppError } from '@/lib/core/errors';
import { parseInput } from '@/lib/core/validate';
import { notify } from '@/lib/notifications/notify';
import { loadSubject, subjectUserIds } from './internal';
import { reinstateProviderInput } from './schemas';

/**
 * reinstateProvider(ctx, { orgId, note }) — operations (compliance.suspend) lift a suspension
 * explicitly, with a note. The seller's status falls back to what its documents say (approved or
 * pending_documents). Race-safe on `suspended = true`: reinstating twice is a CONFLICT.
 */
export async function reinstateProvider(ctx: Ctx, raw: unknown): Promise<{ orgId: string; suspended: false }> {
  authorize(ctx.actor, 'compliance.suspend');
  const input = parseInput(reinstateProviderInput, raw);
  return withTx(ctx, async (c) => {
    const org = await loadSubject(c.tx, 'provider', input.orgId);
    const by = c.actor.kind === 'user' ? c.actor.userId : null;
    const [row] = await c.tx
      .update(providerCompliance)
      .set({ suspended: false, reinstatedAt: c.now, reinstatedBy: by, reinstatementNote: input.note, updatedAt: c.now })
      .where(and(eq(providerCompliance.orgId, org.id), eq(providerCompliance.suspended, true)))
      .returning({ orgId: providerCompliance.orgId });
    if (!row) throw new AppError('CONFLICT', `${org.name} is not suspended.`, { from: 'not_suspended', to: 'reinstated' });
    await recordAudit(c, { action: 'compliance.reinstate', entityType: 'organisation', entityId: org.id, tenantId: org.id, data: { noteLength: input.note.length } });
    await emitEvent(c, 'compliance.provider_reinstated', { orgId: org.id }, org.id);
    await notify(c.tx, await subjectUserIds(c.tx, org, c.now), {
      kind: 'compliance.reinstated',
      title: 'Your business is reinstated',
      body: input.note,
      href: '/provider/compliance',
      businessKey: `compliance:reinstate:${org.id}:${c.now.toISOString()}`,
    });
    return { orgId: org.id, suspended: false as const };
  });
}
