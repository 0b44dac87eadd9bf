import { afterAll, beforeAll, inject } from 'vitest';
import { closeDatabase, setDatabase } from '@/db/client';
import { jobs, stopJobs } from '@/lib/jobs/boss';
import { createFromTemplate, dropDatabase, loadPglite } from './db-harness';

/** Every integration test file runs against a database of its own, made from the template. */
const engine = inject('dbEngine');
const template = inject('dbTemplate');
const baseUrl = process.env.DATABASE_URL;
const name = `fixnado_t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;

beforeAll(async () => {
  const database = engine === 'postgres' && baseUrl ? await createFromTemplate(baseUrl, template, name) : await loadPglite(template);
  setDatabase(database);
  // Started before any test opens a transaction: on the embedded engine a first start from
  // inside a transaction would wait on that transaction's own connection.
  await jobs();
});

afterAll(async () => {
  await stopJobs();
  await closeDatabase();
  if (engine === 'postgres' && baseUrl) await dropDatabase(baseUrl, name);
});
