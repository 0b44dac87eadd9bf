import { recordAudit } from '@/lib/audit/record-audit';
import { authorize, can } from '@/lib/core/auth/permissions';
import { withTx, type Ctx } from '@/lib/core/context';
import { AppError, forbidden, validation } from '@/lib/core/errors';
import { parseInput } from '@/lib/core/validate';
import { addEvent, loadDisputeForWrite, storeEvidence } from './internal';
import type { Party } from './policy';
import { addEvidenceInput } from './schemas';

/**
 * addEvidence(ctx, { disputeId, note?, files? }) — either party (or operations) while the dispute
 * is not resolved or withdrawn; the other party sees it unless operations mark it internal.
 */
export async function addEvidence(ctx: Ctx, raw: unknown): Promise<{ evidenceIds: string[] }> {
  if (!can(ctx.actor, 'disputes.manage')) authorize(ctx.actor, 'disputes.participate');
  const input = parseInput(addEvidenceInput, raw);
  if (!input.files.length && !input.note) throw validation({ files: ['add a file or a note'] });
  return withTx(ctx, async (c) => {
    const { dispute: d, parties } = await loadDisputeForWrite(c, input.disputeId);
    const side: Party | undefined = parties.includes('customer') ? 'customer' : parties.includes('provider') ? 'provider' : parties.includes('operations') ? 'operations' : undefined;
    if (!side) throw forbidden();
    if (d.status === 'resolved' || d.status === 'withdrawn') throw new AppError('CONFLICT', `Evidence cannot be added to a dispute that is ${d.status}.`, { status: d.status });
    const ids = await storeEvidence(c, d.id, side, input.note, input.files);
    await addEvent(c, d.id, 'evidence_added', side, `${ids.length} item(s)`);
    await recordAudit(c, { action: 'disputes.add_evidence', entityType: 'dispute', entityId: d.id, tenantId: d.providerOrgId, data: { party: side, evidenceIds: ids } });
    return { evidenceIds: ids };
  });
}
