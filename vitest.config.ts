import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Two projects: `unit` (pure, colocated *.test.ts) and `int` (*.int.test.ts against a real database
// created per test file by test/setup-db.ts — PostgreSQL when DATABASE_URL is set, else embedded PGlite).
export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('.', import.meta.url)) } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['{lib,db,components,app}/**/*.test.{ts,tsx}'],
          exclude: ['**/*.int.test.ts', 'node_modules/**'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'int',
          include: ['{lib,db,app,test}/**/*.int.test.ts'],
          globalSetup: ['test/global-setup.ts'],
          setupFiles: ['test/setup-int.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Each file gets its own database; on the embedded engine every file loads a migrated
          // snapshot (~1 GB RSS), so files run one at a time on this 2-core machine.
          fileParallelism: false,
        },
      },
    ],
  },
});
