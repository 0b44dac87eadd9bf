// npm run db:migrate — applies drizzle/ to DATABASE_URL, or to the embedded data dir when unset.
import { closeDatabase, getDatabase } from '@/db/client';
import { runMigrations } from '@/db/migrate';

const database = getDatabase();
const started = Date.now();
await runMigrations(database);
await closeDatabase();
process.stdout.write(`migrations applied on ${database.kind} in ${Date.now() - started} ms\n`);
