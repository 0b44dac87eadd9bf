import { emitEvent } from '@/lib/analytics/events';
import { recordAudit } from '@/lib/audit/record-audit';
import { authorize } from '@/lib/core/auth/permissions';
import { withTx, type Ctx } from '@/lib/core/context';
import { AppError } from '@/lib/core/errors';
import { parseInput } from '@/lib/core/validate';
import { notify } from '@/lib/notifications/notify';
import { subjectHref, subjectLocalDate, subjectUserIds, tenantOf } from './internal';
import { decide } from './review';
import { approveDocumentInput } from './schemas';
import { docTypeLabels } from './status';

/**
 * approveDocument(ctx, { documentId }) — operations (compliance.review). submitted → approved,
 * race-safe; a document whose expiry date passed while it waited cannot be approved (reject it
 * and ask for a current one). An older approved document of the same type is left alone: the
 * derivation takes the valid one, so a renewal never makes the seller lapse in between.
 */
export async function approveDocument(ctx: Ctx, raw: unknown): Promise<{ documentId: string; status: 'approved' }> {
  authorize(ctx.actor, 'compliance.review');
  const input = parseInput(approveDocumentInput, raw);
  return withTx(ctx, async (c) => {
    const { doc, subject } = await decide(c, input.documentId, 'approved', {}, async (d, s) => {
      const today = await subjectLocalDate(c.tx, s.timeZone, c.now);
      if (d.expiresOn < today) throw new AppError('CONFLICT', `This document expired on ${d.expiresOn}; reject it and ask for a current one.`, { from: 'submitted', to: 'approved' });
    });
    const label = docTypeLabels[doc.docType];
    await recordAudit(c, {
      action: 'compliance.approve',
      entityType: 'compliance_document',
      entityId: doc.id,
      tenantId: tenantOf(subject),
      data: { subject: subject.kind, subjectId: subject.id, docType: doc.docType, expiresOn: doc.expiresOn },
    });
    await emitEvent(c, 'compliance.document_reviewed', { documentId: doc.id, subjectKind: subject.kind, docType: doc.docType, decision: 'approved' }, tenantOf(subject));
    await notify(c.tx, await subjectUserIds(c.tx, subject, c.now), {
      kind: 'compliance.approved',
      title: `${label} approved`,
      body: `${subject.name}: valid until ${doc.expiresOn}.`,
      href: subjectHref(subject.kind),
      businessKey: `compliance:${doc.id}:approved`,
    });
    return { documentId: doc.id, status: 'approved' as const };
  });
}
