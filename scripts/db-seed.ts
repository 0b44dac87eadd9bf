// npm run db:seed — migrates, then writes the demo data (safe to run again).
import { closeDatabase, getDatabase } from '@/db/client';
import { runMigrations } from '@/db/migrate';
import { seedAll } from '@/db/seed';
import { demoUsers, DEMO_PASSWORD } from '@/db/seed/identity';

const database = getDatabase();
const started = Date.now();
await runMigrations(database);
await seedAll(database.db);
await closeDatabase();
process.stdout.write(
  `demo data seeded on ${database.kind} in ${Date.now() - started} ms\n` +
    `sign in with any of: ${demoUsers.map((u) => u.email).join(', ')} (password: ${DEMO_PASSWORD})\n`,
);
