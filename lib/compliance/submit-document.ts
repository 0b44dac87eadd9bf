import { and, eq, sql } from 'drizzle-orm';
import { complianceDocuments } from '@/db/schema';
import { emitEvent } from '@/lib/analytics/events';
import { recordAudit } from '@/lib/audit/record-audit';
import { authorize } from '@/lib/core/auth/permissions';
import { withTx, type Ctx } from '@/lib/core/context';
import { AppError, notFound, validation } from '@/lib/core/errors';
import { newId } from '@/lib/core/ids';
import { parseInput } from '@/lib/core/validate';
import { notify } from '@/lib/notifications/notify';
import { storeUpload } from '@/lib/storage';
import { isSubjectsOwn, loadSubject, operationsUserIds, providerAdminOrgs, subjectLocalDate, tenantOf, type CTx } from './internal';
import { allowedDocTypes, submitDocumentInput } from './schemas';
import { docTypeLabels } from './status';

export interface SubmittedDocument {
  documentId: string;
  status: 'submitted';
  docType: string;
  subject: { kind: string; id: string };
}

/**
 * submitDocument(ctx, { subject, servicemanId?, orgId?, docType, documentNumber, issuedOn, expiresOn,
 * file }) — a provider admin for the business or its crew, a serviceman for themself, a renter for
 * themself. The file must be a PDF or an image (checked by content, with the size limits of
 * lib/storage). The document enters the operations queue as `submitted`. One submission per subject
 * and type waits at a time, so a reviewer never decides on a stale file.
 */
export async function submitDocument(ctx: Ctx, raw: unknown): Promise<SubmittedDocument> {
  authorize(ctx.actor, 'compliance.submit');
  const input = parseInput(submitDocumentInput, raw);
  const actor = ctx.actor;
  if (actor.kind !== 'user') throw notFound('That subject');
  return withTx(ctx, async (c: CTx) => {
    // Resolve the subject in the actor's scope: a foreign business or crew member is NOT_FOUND.
    let subjectId: string;
    if (input.subject === 'provider') {
      const admins = providerAdminOrgs(actor);
      subjectId = input.orgId ?? admins[0] ?? '';
      if (!subjectId || !admins.includes(subjectId)) throw notFound('That business');
    } else if (input.subject === 'serviceman') {
      subjectId = input.servicemanId!;
      if (!(await isSubjectsOwn(c.tx, actor, { kind: 'serviceman', id: subjectId }))) throw notFound('That crew member');
    } else {
      subjectId = actor.userId;
    }
    const subject = await loadSubject(c.tx, input.subject, subjectId);
    if (!allowedDocTypes[input.subject].includes(input.docType)) {
      throw validation({ docType: [`must be one of: ${allowedDocTypes[input.subject].map((t) => docTypeLabels[t]).join(', ')}`] });
    }
    const today = await subjectLocalDate(c.tx, subject.timeZone, c.now);
    if (input.expiresOn < today) throw validation({ expiresOn: [`has already passed (today is ${today})`] });

    const subjectCol =
      input.subject === 'provider' ? complianceDocuments.providerOrgId : input.subject === 'serviceman' ? complianceDocuments.servicemanId : complianceDocuments.userId;
    // Serialise submissions for this subject and type, so two uploads at once cannot both pass the check below.
    await c.tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`compliance:${input.subject}:${subjectId}:${input.docType}`}, 0))`);
    const [waiting] = await c.tx
      .select({ id: complianceDocuments.id })
      .from(complianceDocuments)
      .where(and(eq(subjectCol, subjectId), eq(complianceDocuments.docType, input.docType), eq(complianceDocuments.status, 'submitted')));
    if (waiting) {
      throw new AppError('CONFLICT', `A ${docTypeLabels[input.docType].toLowerCase()} is already waiting for review. Please wait for the decision before sending another.`, {
        documentId: waiting.id,
      });
    }

    const stored = await storeUpload(c.tx, { purpose: 'compliance_document', ownerUserId: actor.userId, bytes: input.file!.bytes, originalName: input.file!.name, accept: ['pdf', 'image'], field: 'file' });
    const id = newId();
    await c.tx.insert(complianceDocuments).values({
      id,
      providerOrgId: input.subject === 'provider' ? subjectId : null,
      servicemanId: input.subject === 'serviceman' ? subjectId : null,
      userId: input.subject === 'renter' ? subjectId : null,
      docType: input.docType,
      fileId: stored.id,
      documentNumber: input.documentNumber,
      issuedOn: input.issuedOn,
      expiresOn: input.expiresOn,
      status: 'submitted',
      submittedBy: actor.userId,
      createdAt: c.now,
      updatedAt: c.now,
    });
    await recordAudit(c, {
      action: 'compliance.submit',
      entityType: 'compliance_document',
      entityId: id,
      tenantId: tenantOf(subject),
      data: { subject: input.subject, subjectId, docType: input.docType, fileId: stored.id, issuedOn: input.issuedOn, expiresOn: input.expiresOn },
    });
    await emitEvent(c, 'compliance.document_submitted', { documentId: id, subjectKind: input.subject, subjectId, docType: input.docType }, tenantOf(subject));
    await notify(c.tx, await operationsUserIds(c.tx, c.now), {
      kind: 'compliance.submitted',
      title: `${docTypeLabels[input.docType]} to review: ${subject.name}`,
      href: '/admin/compliance',
      businessKey: `compliance:${id}:submitted`,
    });
    return { documentId: id, status: 'submitted' as const, docType: input.docType, subject: { kind: input.subject, id: subjectId } };
  });
}
