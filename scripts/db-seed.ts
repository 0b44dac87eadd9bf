// npm run db:seed — migrates, then writes the demo data (safe to run again).
import { closeDatabase, getDatabase } from '@/db/client';
import { runMigrations } from '@/db/migrate';
import { seedAll } from '@/db/seed';
import { demoUsers, DEMO_PASSWORD } from '@/db/seed/identity';
import { jobs, stopJobs } from '@/lib/jobs/boss';

const database = getDatabase();
const started = Date.now();
await runMigrations(database);
// The demo bookings are made through the real verbs, which enqueue their jobs (e-mails, SLA
// checks) in the same transaction: the queue must be started before, never inside, it.
await jobs();
await seedAll(database.db);
await stopJobs();
await closeDatabase();
process.stdout.write(
  `demo data seeded on ${database.kind} in ${Date.now() - started} ms\n` +
    `sign in with any of: ${demoUsers.map((u) => u.email).join(', ')} (password: ${DEMO_PASSWORD})\n`,
);
