// Starts lib/floor-server.ts as a child process and returns its URL; stopped by the cleanup registry.
import path from 'node:path';
import { spawn } from 'node:child_process';
import { freePort, onCleanup, stopPid } from './proc';
import { log } from './util';

export interface FloorServer {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

export async function startFloor(opts: { root: string; databaseUrl: string; poolMax?: number; script?: string }): Promise<FloorServer> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join('scripts', 'bench', 'lib', opts.script ?? 'floor-server.ts'), String(port), String(opts.poolMax ?? 10)],
    { cwd: opts.root, env: { ...process.env, FLOOR_DATABASE_URL: opts.databaseUrl }, stdio: ['pipe', 'pipe', 'pipe'] },
  );
  const pid = child.pid;
  if (!pid) throw new Error('could not spawn the floor server');
  let stopped: Promise<void> | null = null;
  const stop = () => (stopped ??= stopPid(pid, 3000, 'floor server'));
  const unregister = onCleanup('stop floor server', stop);
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`floor server not listening after 30 s: ${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (/floor listening \d+/.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`floor server exited (${code}): ${output}`));
    });
  });
  log(`floor server (node:http + postgres.js, pool ${opts.poolMax ?? 10}) on 127.0.0.1:${port}, pid ${pid}`);
  return {
    url: `http://127.0.0.1:${port}/`,
    pid,
    stop: async () => {
      await stop();
      unregister();
    },
  };
}
