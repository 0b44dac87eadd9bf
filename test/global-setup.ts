import type { TestProject } from 'vitest/node';
import { createPgliteDump, createTemplate, dropDatabase } from './db-harness';

declare module 'vitest' {
  export interface ProvidedContext {
    dbEngine: 'postgres' | 'pglite';
    dbTemplate: string;
  }
}

/** Makes one migrated template per test run (see db-harness.ts); every file copies it. */
export default async function setup(project: TestProject) {
  const url = process.env.DATABASE_URL;
  if (url) {
    const template = `fixnado_tpl_${process.pid}_${Date.now().toString(36)}`;
    await createTemplate(url, template);
    project.provide('dbEngine', 'postgres');
    project.provide('dbTemplate', template);
    return async () => {
      await dropDatabase(url, template);
    };
  }
  const dump = await createPgliteDump();
  project.provide('dbEngine', 'pglite');
  project.provide('dbTemplate', dump);
  return undefined;
}
