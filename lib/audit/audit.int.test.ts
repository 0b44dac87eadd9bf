import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { auditLog } from '@/db/schema';
import { withTx } from '@/lib/core/context';
import { anonCtx } from '@/test/factories';
import { recordAudit } from './record-audit';
import { sealAuditLog } from './seal';
import { verifyAuditChain } from './verify';

const write = (n: number, action = 'test.write') =>
  withTx(anonCtx(), async (c) => {
    for (let i = 0; i < n; i++) await recordAudit(c, { action, entityType: 'thing', entityId: String(i), data: { i, nested: { b: 1, a: 2 } } });
  });

describe('audit log', () => {
  it('is written in the business transaction: a rollback leaves no audit row', async () => {
    const before = await db().select({ n: sql<number>`count(*)::int` }).from(auditLog);
    await expect(
      withTx(anonCtx(), async (c) => {
        await recordAudit(c, { action: 'test.rolled_back', entityType: 'thing' });
        throw new Error('business failure');
      }),
    ).rejects.toThrow('business failure');
    const after = await db().select({ n: sql<number>`count(*)::int` }).from(auditLog);
    expect(after[0].n).toBe(before[0].n);
  });

  it('refuses UPDATE, DELETE and TRUNCATE at the database', async () => {
    await write(1, 'test.guarded');
    await expect(db().execute(sql`UPDATE audit_log SET action = 'test.changed' WHERE action = 'test.guarded'`)).rejects.toThrow();
    await expect(db().execute(sql`DELETE FROM audit_log WHERE action = 'test.guarded'`)).rejects.toThrow();
    await expect(db().execute(sql`TRUNCATE audit_log`)).rejects.toThrow();
    // A seal may not rewrite content either, even on an unsealed row.
    await expect(
      db().execute(sql`UPDATE audit_log SET hash = 'x', chain_pos = 999999, data = '{"forged":true}' WHERE action = 'test.guarded'`),
    ).rejects.toThrow();
  });

  it('seals rows into a hash chain that verifies, and sealing again is a no-op', async () => {
    await write(5);
    await sealAuditLog();
    expect(await sealAuditLog()).toBe(0);
    const report = await verifyAuditChain();
    expect(report).toMatchObject({ ok: true, unsealed: 0 });
    expect(report.checked).toBeGreaterThanOrEqual(5);
    const rows = await db().select().from(auditLog).orderBy(auditLog.chainPos);
    for (let i = 1; i < rows.length; i++) expect(rows[i].prevHash).toBe(rows[i - 1].hash);
  });

  it('S9: the verification reports an edited row and a deleted row', async () => {
    await write(4, 'test.tamper');
    await sealAuditLog();
    expect((await verifyAuditChain()).ok).toBe(true);
    // An attacker with table-owner rights switches the guard off to tamper.
    await db().execute(sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only`);
    try {
      await db().execute(sql`UPDATE audit_log SET data = '{"i":99}' WHERE seq = (SELECT min(seq) FROM audit_log WHERE action = 'test.tamper')`);
      await db().execute(sql`DELETE FROM audit_log WHERE seq = (SELECT max(seq) - 1 FROM audit_log WHERE action = 'test.tamper')`);
    } finally {
      await db().execute(sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only`);
    }
    const report = await verifyAuditChain();
    expect(report.ok).toBe(false);
    const reasons = report.breaks.map((b) => b.reason);
    expect(reasons).toContain('content_changed');
    expect(reasons).toContain('row_missing');
  });
});
