// Process helpers: free ports, the /proc process tree, stopping what we started, and a cleanup
// registry that runs on normal exit, on error and on Ctrl-C / SIGTERM.
import fs from 'node:fs';
import net from 'node:net';
import type { ChildProcess } from 'node:child_process';
import { errorText, log, sleep } from './util';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => (port ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}

export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    // A zombie still answers kill(0); treat it as gone.
    const stat = readStat(pid);
    return stat ? stat.state !== 'Z' : false;
  } catch {
    return false;
  }
}

interface Stat {
  pid: number;
  comm: string;
  state: string;
  ppid: number;
}

function readStat(pid: number): Stat | null {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // "pid (comm) state ppid …" — comm may itself contain spaces and parentheses.
    const open = text.indexOf('(');
    const close = text.lastIndexOf(')');
    const rest = text.slice(close + 2).split(' ');
    return { pid, comm: text.slice(open + 1, close), state: rest[0], ppid: Number(rest[1]) };
  } catch {
    return null;
  }
}

export function cmdlineOf(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0+$/, '').replace(/\0/g, ' ');
  } catch {
    return '';
  }
}

/** The initial environment of a process (root or same user only). */
export function environOf(pid: number): Record<string, string> {
  try {
    const out: Record<string, string> = {};
    for (const entry of fs.readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0')) {
      const i = entry.indexOf('=');
      if (i > 0) out[entry.slice(0, i)] = entry.slice(i + 1);
    }
    return out;
  } catch {
    return {};
  }
}

/** Every live descendant of `root` (children first), found through /proc/<pid>/stat ppid. */
export function descendantsOf(root: number): number[] {
  const byParent = new Map<number, number[]>();
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = readStat(Number(name));
    if (!stat || stat.state === 'Z') continue;
    const list = byParent.get(stat.ppid) ?? [];
    list.push(stat.pid);
    byParent.set(stat.ppid, list);
  }
  const out: number[] = [];
  const queue = [root];
  while (queue.length) {
    const pid = queue.shift()!;
    for (const child of byParent.get(pid) ?? []) {
      out.push(child);
      queue.push(child);
    }
  }
  return out;
}

/** The `next-server` process under `root` (next start retitles itself "next-server (vX)"). */
export function findNextServer(root: number): number | null {
  for (const pid of descendantsOf(root)) {
    const stat = readStat(pid);
    if (cmdlineOf(pid).startsWith('next-server') || stat?.comm.startsWith('next-server')) return pid;
  }
  return null;
}

export async function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return true;
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.off('exit', onExit);
      resolve(false);
    }, timeoutMs);
    const onExit = () => {
      clearTimeout(timer);
      resolve(true);
    };
    child.once('exit', onExit);
  });
}

export async function waitForPidGone(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!pidAlive(pid)) return true;
    await sleep(100);
  }
  return !pidAlive(pid);
}

/** SIGTERM, then SIGKILL after `graceMs` — one pid, never a name or a group we did not start. */
export async function stopPid(pid: number, graceMs: number, label: string): Promise<void> {
  if (!pidAlive(pid)) return;
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    return;
  }
  if (await waitForPidGone(pid, graceMs)) return;
  log(`${label} (pid ${pid}) ignored SIGTERM for ${graceMs} ms: SIGKILL`);
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    /* already gone */
  }
  await waitForPidGone(pid, 2000);
}

// ---- cleanup registry ---------------------------------------------------------------------------

type Cleanup = { label: string; fn: () => Promise<void> | void };
const cleanups: Cleanup[] = [];
let cleaning: Promise<void> | null = null;

/** Registers a cleanup; returns a function that unregisters it (call after a normal stop). */
export function onCleanup(label: string, fn: () => Promise<void> | void): () => void {
  const entry = { label, fn };
  cleanups.push(entry);
  return () => {
    const i = cleanups.indexOf(entry);
    if (i >= 0) cleanups.splice(i, 1);
  };
}

/** Runs every registered cleanup once, newest first; errors are logged, never thrown. */
export function runCleanups(): Promise<void> {
  cleaning ??= (async () => {
    while (cleanups.length) {
      const entry = cleanups.pop()!;
      try {
        await entry.fn();
      } catch (err) {
        log(`cleanup "${entry.label}" failed: ${errorText(err)}`);
      }
    }
  })().finally(() => {
    cleaning = null;
  });
  return cleaning;
}

/**
 * Ctrl-C / SIGTERM / SIGHUP: run the cleanups, let the caller write what it has, then exit.
 * A second signal while cleaning up exits at once.
 */
export function installSignalHandlers(onInterrupt: (signal: NodeJS.Signals) => Promise<void>): void {
  let received = 0;
  const handler = (signal: NodeJS.Signals) => {
    received += 1;
    if (received > 1) {
      log(`${signal} again: exiting without waiting for cleanup`);
      process.exit(130);
    }
    log(`${signal}: stopping everything this bench started…`);
    void onInterrupt(signal)
      .catch((err) => log(`interrupt handling failed: ${errorText(err)}`))
      .finally(() => process.exit(130));
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  process.on('SIGHUP', handler);
}
