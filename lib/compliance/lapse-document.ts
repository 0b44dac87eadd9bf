import { and, eq, gte, lte } from 'drizzle-orm';
import { complianceDocuments } from '@/db/schema';
import { emitEvent } from '@/lib/analytics/events';
import { recordAudit } from '@/lib/audit/record-audit';
import { authorize } from '@/lib/core/auth/permissions';
import { withTx, type Ctx } from '@/lib/core/context';
import { AppError } from '@/lib/core/errors';
import { parseInput } from '@/lib/core/validate';
import { notify } from '@/lib/notifications/notify';
import { loadSubject, subjectUserIds } from './internal';
import { lapseDocumentInput } from './schemas';
import { docTypeLabels, localDate } from './status';

/**
 * lapseDocument(ctx, { orgId, docType, reason }) — operations (compliance.review) record that a
 * provider's currently valid document stopped being valid before its printed expiry (the insurer
 * cancelled the policy, an identity document was reported stolen). The document becomes
 * `expired` now, exactly as the daily job would have made it at its expiry date, so the seller's
 * status and every listing drop at once (visibility is derived at query time). The provider is
 * told why; the reason stays out of the audit row (free text about a business's cover).
 */
export async function lapseDocument(ctx: Ctx, raw: unknown): Promise<{ documentId: string; status: 'expired' }> {
  authorize(ctx.actor, 'compliance.review');
  const input = parseInput(lapseDocumentInput, raw);
  return withTx(ctx, async (c) => {
    const org = await loadSubject(c.tx, 'provider', input.orgId);
    const today = localDate(c.now, org.timeZone);
    const updated = await c.tx
      .update(complianceDocuments)
      .set({ status: 'expired', expiredAt: c.now, updatedAt: c.now })
      .where(
        and(
          eq(complianceDocuments.providerOrgId, org.id),
          eq(complianceDocuments.docType, input.docType),
          eq(complianceDocuments.status, 'approved'),
          lte(complianceDocuments.issuedOn, today),
          gte(complianceDocuments.expiresOn, today),
        ),
      )
      .returning({ id: complianceDocuments.id });
    const first = updated[0];
    if (!first) throw new AppError('CONFLICT', `${org.name} has no valid ${docTypeLabels[input.docType].toLowerCase()} to mark as lapsed.`, { field: 'docType' });
    for (const d of updated) {
      await recordAudit(c, { action: 'compliance.lapse', entityType: 'compliance_document', entityId: d.id, tenantId: org.id, data: { docType: input.docType, reasonLength: input.reason.length } });
      await emitEvent(c, 'compliance.document_expired', { documentId: d.id, subjectKind: 'provider', docType: input.docType }, org.id);
    }
    await notify(c.tx, await subjectUserIds(c.tx, org, c.now), {
      kind: 'compliance.expired',
      title: `${docTypeLabels[input.docType]} no longer valid`,
      body: `${input.reason} Upload a new document to sell again.`,
      href: '/provider/compliance',
      businessKey: `compliance:${first.id}:lapsed`,
    });
    return { documentId: first.id, status: 'expired' as const };
  });
}
