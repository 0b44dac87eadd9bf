import next from 'eslint-config-next';

// Next's flat config (core web vitals + TypeScript rules). `no-console` keeps lib/ on the one logger.
const config = [
  ...next,
  { ignores: ['.next/**', 'drizzle/**', '.data/**', '.artifacts/**', 'public/**', 'next-env.d.ts'] },
  { files: ['lib/**/*.ts', 'db/**/*.ts'], rules: { 'no-console': 'error' } },
];
export default config;
