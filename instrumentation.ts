/**
 * Runs once when a server process starts. On the embedded engine the app migrates its own data dir
 * (no other process may open it); pg-boss workers start in-process unless JOBS_IN_PROCESS=false
 * (then `npm run worker` processes do the work).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { boot } = await import('./lib/boot');
  await boot();
}
