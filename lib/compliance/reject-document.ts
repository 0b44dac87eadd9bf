import { emitEvent } from '@/lib/analytics/events';
import { recordAudit } from '@/lib/audit/record-audit';
import { authorize } from '@/lib/core/auth/permissions';
import { withTx, type Ctx } from '@/lib/core/context';
import { parseInput } from '@/lib/core/validate';
import { notify } from '@/lib/notifications/notify';
import { subjectHref, subjectUserIds, tenantOf } from './internal';
import { decide } from './review';
import { rejectDocumentInput } from './schemas';
import { docTypeLabels } from './status';

/**
 * rejectDocument(ctx, { documentId, reason }) — operations (compliance.review). submitted →
 * rejected with the reason the subject reads; race-safe like approval. An older approved document
 * of the same type stays valid until it expires.
 */
export async function rejectDocument(ctx: Ctx, raw: unknown): Promise<{ documentId: string; status: 'rejected' }> {
  authorize(ctx.actor, 'compliance.review');
  const input = parseInput(rejectDocumentInput, raw);
  return withTx(ctx, async (c) => {
    const { doc, subject } = await decide(c, input.documentId, 'rejected', { rejectionReason: input.reason });
    const label = docTypeLabels[doc.docType];
    // The reason is free text a reviewer typed about a person's document: it stays out of the audit row.
    await recordAudit(c, {
      action: 'compliance.reject',
      entityType: 'compliance_document',
      entityId: doc.id,
      tenantId: tenantOf(subject),
      data: { subject: subject.kind, subjectId: subject.id, docType: doc.docType, reasonLength: input.reason.length },
    });
    await emitEvent(c, 'compliance.document_reviewed', { documentId: doc.id, subjectKind: subject.kind, docType: doc.docType, decision: 'rejected' }, tenantOf(subject));
    await notify(c.tx, await subjectUserIds(c.tx, subject, c.now), {
      kind: 'compliance.rejected',
      title: `${label} rejected`,
      body: input.reason,
      href: subjectHref(subject.kind),
      businessKey: `compliance:${doc.id}:rejected`,
    });
    return { documentId: doc.id, status: 'rejected' as const };
  });
}
