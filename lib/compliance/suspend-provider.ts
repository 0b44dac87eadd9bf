import { sql } from 'drizzle-orm';
import { providerCompliance } from '@/db/schema';
import { emitEvent } from '@/lib/analytics/events';
import { recordAudit } from '@/lib/audit/record-audit';
import { authorize } from '@/lib/core/auth/permissions';
import { withTx, type Ctx } from '@/lib/core/context';
import { AppError } from '@/lib/core/errors';
import { parseInput } from '@/lib/core/validate';
import { notify } from '@/lib/notifications/notify';
import { loadSubject, subjectUserIds } from './internal';
import { suspendProviderInput } from './schemas';

/**
 * suspendProvider(ctx, { orgId, reason }) — operations (compliance.suspend). Sticky: the seller is
 * 'suspended' whatever documents it holds until reinstateProvider lifts it; its listings vanish
 * from feeds at once (visibility is decided at query time). Race-safe: the upsert only touches a
 * row that is not suspended, so a second suspension is a CONFLICT.
 */
export async function suspendProvider(ctx: Ctx, raw: unknown): Promise<{ orgId: string; suspended: true }> {
  authorize(ctx.actor, 'compliance.suspend');
  const input = parseInput(suspendProviderInput, raw);
  return withTx(ctx, async (c) => {
    const org = await loadSubject(c.tx, 'provider', input.orgId);
    const by = c.actor.kind === 'user' ? c.actor.userId : null;
    const [row] = await c.tx
      .insert(providerCompliance)
      .values({ orgId: org.id, suspended: true, suspensionReason: input.reason, suspendedAt: c.now, suspendedBy: by, createdAt: c.now, updatedAt: c.now })
      .onConflictDoUpdate({
        target: providerCompliance.orgId,
        set: { suspended: true, suspensionReason: input.reason, suspendedAt: c.now, suspendedBy: by, updatedAt: c.now },
        setWhere: sql`${providerCompliance.suspended} = false`,
      })
      .returning({ orgId: providerCompliance.orgId });
    if (!row) throw new AppError('CONFLICT', `${org.name} is already suspended.`, { from: 'suspended', to: 'suspended' });
    await recordAudit(c, { action: 'compliance.suspend', entityType: 'organisation', entityId: org.id, tenantId: org.id, data: { reasonLength: input.reason.length } });
    await emitEvent(c, 'compliance.provider_suspended', { orgId: org.id }, org.id);
    await notify(c.tx, await subjectUserIds(c.tx, org, c.now), {
      kind: 'compliance.suspended',
      title: 'Your business is suspended from selling',
      body: input.reason,
      href: '/provider/compliance',
      businessKey: `compliance:suspend:${org.id}:${c.now.toISOString()}`,
    });
    return { orgId: org.id, suspended: true as const };
  });
}

