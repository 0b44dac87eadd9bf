// npm test — every test, on one database engine: unit + integration (vitest), then browser tests
// (Playwright on a production build in Debian's Chromium). Ends with the line "N passed, N failed".
// DATABASE_URL set → PostgreSQL + PostGIS (each test file / server gets a fresh database);
// unset → the embedded engine.   Flags: --no-e2e, --no-unit, --e2e-only.
import { spawn } from 'node:child_process';
import fs from 'node:fs';

const args = new Set(process.argv.slice(2));
const runUnit = !args.has('--no-unit') && !args.has('--e2e-only');
const runE2e = !args.has('--no-e2e');
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
fs.mkdirSync('.artifacts', { recursive: true });

const run = (cmd: string, cmdArgs: string[], env: Record<string, string> = {}) =>
  new Promise<number>((resolve) => {
    const started = Date.now();
    process.stdout.write(`\n▶ ${cmd} ${cmdArgs.join(' ')}\n`);
    const child = spawn(cmd, cmdArgs, { stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('exit', (code) => {
      process.stdout.write(`◀ exit ${code} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
      resolve(code ?? 1);
    });
  });

interface Tally {
  passed: number;
  failed: number;
  skipped: number;
}
const tally: Tally = { passed: 0, failed: 0, skipped: 0 };
let crashed = false;
const engine = process.env.DATABASE_URL ? 'PostgreSQL' : 'embedded PGlite';
process.stdout.write(`Fixnado tests on ${engine}\n`);

if (runUnit) {
  const report = '.artifacts/vitest.json';
  fs.rmSync(report, { force: true });
  const code = await run('node_modules/.bin/vitest', ['run', '--reporter=default', '--reporter=json', `--outputFile=${report}`]);
  if (fs.existsSync(report)) {
    const r = JSON.parse(fs.readFileSync(report, 'utf8')) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number };
    tally.passed += r.numPassedTests;
    tally.failed += r.numFailedTests;
    tally.skipped += r.numPendingTests + r.numTodoTests;
    if (code !== 0 && r.numFailedTests === 0) crashed = true;
  } else crashed = true;
}

if (runE2e) {
  if (!fs.existsSync(chromium)) {
    const message = `Browser tests need Chromium at ${chromium} (apt-get install chromium, or set CHROMIUM_PATH).`;
    if (process.env.CI) {
      process.stdout.write(`✗ ${message}\n`);
      crashed = true;
    } else {
      process.stdout.write(`⚠ ${message} Browser tests were NOT run.\n`);
    }
  } else {
    const distDir = '.next-test';
    const env = { NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: '1' };
    const built = await run('node', ['--import', 'tsx', 'scripts/prebuild.ts'], env).then((c) => (c === 0 ? run('node_modules/.bin/next', ['build'], env) : c));
    if (built !== 0) crashed = true;
    else {
      const report = '.artifacts/e2e-report.json';
      fs.rmSync(report, { force: true });
      const code = await run('node_modules/.bin/playwright', ['test'], env);
      if (fs.existsSync(report)) {
        const r = JSON.parse(fs.readFileSync(report, 'utf8')) as { stats: { expected: number; unexpected: number; flaky: number; skipped: number } };
        tally.passed += r.stats.expected + r.stats.flaky;
        tally.failed += r.stats.unexpected;
        tally.skipped += r.stats.skipped;
        if (code !== 0 && r.stats.unexpected === 0) crashed = true;
      } else crashed = true;
    }
  }
}

if (crashed) process.stdout.write('✗ a test runner or build failed before reporting all results (see above)\n');
process.stdout.write(`\n${tally.passed} passed, ${tally.failed} failed${tally.skipped ? `, ${tally.skipped} skipped` : ''}\n`);
process.exit(tally.failed > 0 || crashed ? 1 : 0);
