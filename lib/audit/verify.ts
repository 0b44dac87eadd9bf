import { asc, gt, isNull, sql } from 'drizzle-orm';
import { db as defaultDb, type Db } from '@/db/client';
import { auditLog } from '@/db/schema';
import { GENESIS_HASH, hashAuditRow } from './chain';

export interface ChainBreak {
  chainPos: number;
  seq: number | null;
  reason: 'content_changed' | 'link_broken' | 'row_missing';
  detail: string;
}

export interface VerifyReport {
  ok: boolean;
  checked: number;
  unsealed: number;
  breaks: ChainBreak[];
}

/**
 * Walks the sealed chain in order and recomputes every hash: an edited row no longer matches its
 * hash, a deleted row leaves a gap in chain_pos and a prev_hash that no longer links.
 */
export async function verifyAuditChain(database: Db = defaultDb(), pageSize = 5000): Promise<VerifyReport> {
  const breaks: ChainBreak[] = [];
  let prev = GENESIS_HASH;
  let expectedPos = 1;
  let checked = 0;
  let after = 0;
  for (;;) {
    const page = await database
      .select()
      .from(auditLog)
      .where(gt(auditLog.chainPos, after))
      .orderBy(asc(auditLog.chainPos))
      .limit(pageSize);
    if (page.length === 0) break;
    for (const row of page) {
      const pos = row.chainPos as number;
      if (pos !== expectedPos) {
        breaks.push({
          chainPos: expectedPos,
          seq: null,
          reason: 'row_missing',
          detail: `chain positions ${expectedPos}–${pos - 1} are missing (rows deleted)`,
        });
      }
      if (row.prevHash !== prev) {
        breaks.push({
          chainPos: pos,
          seq: row.seq,
          reason: 'link_broken',
          detail: `row ${row.seq} does not link to the previous row's hash`,
        });
      }
      const recomputed = hashAuditRow(row.prevHash ?? '', pos, row);
      if (recomputed !== row.hash) {
        breaks.push({
          chainPos: pos,
          seq: row.seq,
          reason: 'content_changed',
          detail: `row ${row.seq} (${row.action}) was changed after it was sealed`,
        });
      }
      prev = row.hash ?? '';
      expectedPos = pos + 1;
      checked += 1;
    }
    after = page[page.length - 1].chainPos as number;
  }
  const [{ n }] = await database
    .select({ n: sql<number>`count(*)::int` })
    .from(auditLog)
    .where(isNull(auditLog.hash));
  return { ok: breaks.length === 0, checked, unsealed: Number(n), breaks };
}
