import { and, eq } from 'drizzle-orm';
import { disputeEvidence } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import { authorize } from '@/lib/core/auth/permissions';
import { withTx, type Ctx } from '@/lib/core/context';
import { notFound } from '@/lib/core/errors';
import { parseInput } from '@/lib/core/validate';
import { addEvent, loadDisputeForWrite } from './internal';
import { markInternalInput } from './schemas';

/** markEvidenceInternal(ctx, { disputeId, evidenceId, internal }) — operations hide (or show) an item from the parties. */
export async function markEvidenceInternal(ctx: Ctx, raw: unknown): Promise<{ evidenceId: string; internal: boolean }> {
  authorize(ctx.actor, 'disputes.manage');
  const input = parseInput(markInternalInput, raw);
  return withTx(ctx, async (c) => {
    const { dispute: d } = await loadDisputeForWrite(c, input.disputeId);
    const [row] = await c.tx
      .update(disputeEvidence)
      .set({ internal: input.internal })
      .where(and(eq(disputeEvidence.id, input.evidenceId), eq(disputeEvidence.disputeId, d.id)))
      .returning({ id: disputeEvidence.id });
    if (!row) throw notFound('That evidence');
    await addEvent(c, d.id, input.internal ? 'evidence_internal' : 'evidence_shared', 'operations', `evidence ${row.id}`, true);
    await recordAudit(c, { action: 'disputes.mark_internal', entityType: 'dispute', entityId: d.id, tenantId: d.providerOrgId, data: { evidenceId: row.id, internal: input.internal } });
    return { evidenceId: row.id, internal: input.internal };
  });
}
