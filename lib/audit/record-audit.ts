import { auditLog } from '@/db/schema';
import { actorRef, type Ctx } from '@/lib/core/context';
import type { Tx } from '@/db/client';
import { newId } from '@/lib/core/ids';

export interface AuditInput {
  /** `domain.verb`, the same name as the permission where there is one. */
  action: string;
  entityType: string;
  entityId?: string | null;
  tenantId?: string | null;
  /** Ids and non-personal facts only: erasure must never need to edit the audit trail. */
  data?: Record<string, unknown>;
}

/** Written inside the caller's transaction, so the record exists iff the change committed. */
export async function recordAudit(ctx: Ctx & { tx: Tx }, input: AuditInput): Promise<void> {
  const actor = ctx.actor;
  await ctx.tx.insert(auditLog).values({
    id: newId(),
    occurredAt: ctx.now,
    actorType: actor.kind,
    actorId: actorRef(actor),
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId ?? null,
    tenantId: input.tenantId ?? null,
    requestId: ctx.requestId,
    data: input.data ?? {},
  });
}
