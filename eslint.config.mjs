import next from 'eslint-config-next';

// Next's flat config (core web vitals + TypeScript rules). `no-console` keeps lib/ on the one logger.
const config = [
  ...next,
  { ignores: ['.next/**', '.next-*/**', 'drizzle/**', '.data/**', '.artifacts/**', 'public/**', 'next-env.d.ts', 'test-results/**'] },
  { files: ['lib/**/*.ts', 'db/**/*.ts'], rules: { 'no-console': 'error' } },
  // Playwright fixtures call a parameter named `use`, which the React hooks rule mistakes for a hook.
  { files: ['e2e/**/*.ts'], rules: { 'react-hooks/rules-of-hooks': 'off' } },
];
export default config;
