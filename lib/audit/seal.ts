import { asc, desc, isNotNull, isNull, eq, sql } from 'drizzle-orm';
import { db as defaultDb, type Db } from '@/db/client';
import { auditLog } from '@/db/schema';
import { GENESIS_HASH, hashAuditRow } from './chain';

/**
 * Hashes unsealed rows onto the chain in seq order. One sealer at a time (advisory lock), so app
 * writes never wait on the chain. A row that commits late simply joins the chain later: chain order
 * is seal order, recorded in chain_pos.
 */
export async function sealAuditLog(database: Db = defaultDb(), batch = 1000): Promise<number> {
  return database.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('audit_log.seal'))`);
    const [last] = await tx
      .select({ chainPos: auditLog.chainPos, hash: auditLog.hash })
      .from(auditLog)
      .where(isNotNull(auditLog.chainPos))
      .orderBy(desc(auditLog.chainPos))
      .limit(1);
    let prev = last?.hash ?? GENESIS_HASH;
    let pos = last?.chainPos ?? 0;
    const pending = await tx
      .select()
      .from(auditLog)
      .where(isNull(auditLog.hash))
      .orderBy(asc(auditLog.seq))
      .limit(batch);
    for (const row of pending) {
      pos += 1;
      const hash = hashAuditRow(prev, pos, row);
      await tx
        .update(auditLog)
        .set({ chainPos: pos, prevHash: prev, hash })
        .where(eq(auditLog.seq, row.seq));
      prev = hash;
    }
    return pending.length;
  });
}
