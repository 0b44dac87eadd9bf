import { and, desc, eq, lt, type SQL } from 'drizzle-orm';
import { db } from '@/db/client';
import { auditLog } from '@/db/schema';
import { authorize } from '@/lib/core/auth/permissions';
import type { Actor } from '@/lib/core/context';

export interface AuditRow {
  seq: number;
  occurredAt: Date;
  actorType: string;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  sealed: boolean;
}

/** Newest first, cursor-paginated by seq. */
export async function listAudit(
  actor: Actor,
  opts: { before?: number; action?: string; limit?: number } = {},
): Promise<{ rows: AuditRow[]; nextBefore: number | null }> {
  authorize(actor, 'audit.read');
  const limit = Math.min(Math.max(opts.limit ?? 50, 1), 200);
  const where: SQL[] = [];
  if (opts.before) where.push(lt(auditLog.seq, opts.before));
  if (opts.action) where.push(eq(auditLog.action, opts.action));
  const rows = await db()
    .select()
    .from(auditLog)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(auditLog.seq))
    .limit(limit + 1);
  const page = rows.slice(0, limit).map((r) => ({
    seq: r.seq,
    occurredAt: r.occurredAt,
    actorType: r.actorType,
    actorId: r.actorId,
    action: r.action,
    entityType: r.entityType,
    entityId: r.entityId,
    sealed: r.hash !== null,
  }));
  return { rows: page, nextBefore: rows.length > limit ? page[page.length - 1].seq : null };
}
