import { defineConfig, devices } from '@playwright/test';

/**
 * Browser tests run against a production build on a fresh, seeded database (see
 * scripts/serve-fresh.ts), in Debian's Chromium — no browser is downloaded.
 */
const port = Number(process.env.E2E_PORT ?? 3210);
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const launchOptions = {
  executablePath: chromiumPath,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
};

export default defineConfig({
  testDir: 'e2e',
  outputDir: '.artifacts/e2e-results',
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: '.artifacts/e2e-report.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions,
  },
  projects: [
    { name: 'desktop', use: { ...devices['Desktop Chrome'], launchOptions }, testIgnore: /responsive\.spec\.ts/ },
    { name: 'phone', use: { ...devices['Pixel 7'], launchOptions }, testMatch: /responsive\.spec\.ts/ },
  ],
  webServer: {
    command: `node --import tsx scripts/serve-fresh.ts --port ${port} --label e2e`,
    // Readiness touches the database, so the first test does not pay for opening it.
    url: `http://127.0.0.1:${port}/api/health`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
