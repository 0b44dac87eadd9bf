// npm run audit:verify — seals pending audit rows, then re-hashes the whole chain and reports any
// edited or deleted row. Exit code 1 when the chain is broken.
import { closeDatabase, getDatabase } from '@/db/client';
import { sealAuditLog } from '@/lib/audit/seal';
import { verifyAuditChain } from '@/lib/audit/verify';

const database = getDatabase();
const sealed = await sealAuditLog(database.db);
const report = await verifyAuditChain(database.db);
await closeDatabase();
process.stdout.write(`sealed ${sealed} pending row(s); checked ${report.checked} row(s); ${report.unsealed} still unsealed\n`);
for (const b of report.breaks) process.stdout.write(`BREAK at chain position ${b.chainPos}: ${b.reason} — ${b.detail}\n`);
process.stdout.write(report.ok ? 'audit chain intact\n' : 'audit chain BROKEN\n');
process.exit(report.ok ? 0 : 1);
