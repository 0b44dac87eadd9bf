/**
 * The shared part of approve and reject: the race-safe decision on a submitted document. The
 * UPDATE is guarded by `status = 'submitted'`, so of two reviewers deciding at once exactly one
 * wins and the other gets a CONFLICT naming the state the document is already in.
 */
import { and, eq } from 'drizzle-orm';
import { complianceDocuments } from '@/db/schema';
import { AppError, notFound } from '@/lib/core/errors';
import { loadSubject, subjectOfRow, type CTx, type DocumentRow, type Subject } from './internal';

export async function decide(
  c: CTx,
  documentId: string,
  to: 'approved' | 'rejected',
  set: Partial<typeof complianceDocuments.$inferInsert>,
  before?: (d: DocumentRow, subject: Subject) => Promise<void>,
): Promise<{ doc: DocumentRow; subject: Subject }> {
  const [current] = await c.tx.select().from(complianceDocuments).where(eq(complianceDocuments.id, documentId));
  if (!current) throw notFound('That document');
  const ref = subjectOfRow(current);
  const subject = await loadSubject(c.tx, ref.kind, ref.id);
  if (current.status !== 'submitted') throw new AppError('CONFLICT', `This document was already ${current.status}.`, { from: current.status, to });
  if (before) await before(current, subject);
  const reviewer = c.actor.kind === 'user' ? c.actor.userId : null;
  const [row] = await c.tx
    .update(complianceDocuments)
    .set({ ...set, status: to, reviewedBy: reviewer, reviewedAt: c.now, updatedAt: c.now })
    .where(and(eq(complianceDocuments.id, documentId), eq(complianceDocuments.status, 'submitted')))
    .returning();
  if (!row) {
    const [now] = await c.tx.select({ status: complianceDocuments.status }).from(complianceDocuments).where(eq(complianceDocuments.id, documentId));
    throw new AppError('CONFLICT', `Another reviewer decided this document meanwhile (it is ${now?.status ?? 'gone'}).`, { from: now?.status ?? 'unknown', to });
  }
  return { doc: row, subject };
}
