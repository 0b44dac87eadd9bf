// Load generation, bounded in time AND count, loopback only.
//  - runAutocannon: one request shape at N connections (autocannon's programmatic API). Latency
//    percentiles are computed here from every response time (autocannon's own histogram has no p95).
//  - runWorkers: N concurrent workers each looping an async flow (several requests per iteration,
//    e.g. csrf + credentials POST); latency is per iteration.
import autocannon from 'autocannon';
import { log, percentile, round, sleep } from './util';

// stopAllLoad() (on Ctrl-C): running loads end at once, new ones refuse to start.
let halted = false;
const active = new Set<() => void>();

export function stopAllLoad(): void {
  halted = true;
  for (const stop of active) stop();
}

function assertNotHalted(): void {
  if (halted) throw new Error('bench is stopping: load not started');
}

export interface LatencyStats {
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

export interface LoadResult {
  name: string;
  target: string;
  /** Connections (autocannon) or concurrent workers (flows). */
  connections: number;
  kind: 'requests' | 'flows';
  durationS: number;
  /** Completed responses (requests) or finished iterations (flows). */
  completed: number;
  /** completed / durationS. */
  rps: number;
  latencyMs: LatencyStats;
  statusCounts: Record<string, number>;
  /** Responses whose status was not the expected one (2xx for plain requests). */
  non2xx: number;
  /** Expected status but wrong content (body check failed, sign-in refused …). */
  bad: number;
  /** Connection errors, timeouts and exceptions. */
  errors: number;
  timeouts: number;
  /** Peak next-server RSS during this run (filled in by the runner; null when another process served). */
  rssPeakMb?: number | null;
  /** CPU used during the run, in % of one core: the serving process and this load generator. */
  serverCpuPct?: number | null;
  generatorCpuPct?: number | null;
  notes: string[];
}

function latencyStats(values: number[]): LatencyStats {
  const sorted = Float64Array.from(values).sort();
  let sum = 0;
  for (const v of sorted) sum += v;
  return {
    p50: round(percentile(sorted, 50), 2),
    p95: round(percentile(sorted, 95), 2),
    p99: round(percentile(sorted, 99), 2),
    max: round(sorted.length ? sorted[sorted.length - 1] : Number.NaN, 2),
    mean: round(sorted.length ? sum / sorted.length : Number.NaN, 2),
  };
}

export interface AutocannonOptions {
  name: string;
  url: string;
  connections: number;
  durationS: number;
  /** Hard cap on requests (whichever of time and count comes first ends the run). */
  maxRequests: number;
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH' | 'HEAD';
  headers?: Record<string, string>;
  body?: string;
  /** A response with a 2xx status that fails this check counts as "bad". */
  verifyBody?: (body: string) => boolean;
  /** Unmeasured run first, same shape (lazy route compilation, JIT, pools). */
  warmupS?: number;
  /** Paths (with query) each connection cycles through instead of the URL's own, e.g. many points. */
  paths?: string[];
}

function assertLoopback(url: string): void {
  const host = new URL(url).hostname;
  if (host !== '127.0.0.1' && host !== 'localhost' && host !== '[::1]') throw new Error(`bench targets must be loopback, got ${host}`);
}

function cannon(opts: AutocannonOptions, durationS: number, onResponse?: (status: number, ms: number) => void): Promise<autocannon.Result> {
  assertNotHalted();
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: opts.url,
        connections: opts.connections,
        duration: durationS,
        maxOverallRequests: opts.maxRequests,
        method: opts.method ?? 'GET',
        headers: opts.headers,
        body: opts.body,
        verifyBody: opts.verifyBody ? (body) => opts.verifyBody!(typeof body === 'string' ? body : String(body ?? '')) : undefined,
        timeout: 10,
        ...(opts.paths?.length ? { requests: opts.paths.map((p) => ({ method: opts.method ?? 'GET', path: p })) } : {}),
      },
      (err, result) => {
        clearTimeout(watchdog);
        active.delete(stop);
        if (err) reject(err instanceof Error ? err : new Error(String(err)));
        else resolve(result);
      },
    );
    if (onResponse) instance.on('response', (_client, status, _bytes, ms) => onResponse(status, ms));
    // autocannon ends by itself; this only guards against a stuck run.
    const watchdog = setTimeout(() => instance.stop(), (durationS + 30) * 1000);
    const stop = () => instance.stop();
    active.add(stop);
  });
}

export async function runAutocannon(opts: AutocannonOptions): Promise<LoadResult> {
  assertLoopback(opts.url);
  if (opts.warmupS && opts.warmupS > 0) await cannon({ ...opts, maxRequests: Math.max(opts.connections, Math.floor(opts.maxRequests / 4)) }, opts.warmupS);
  const latencies: number[] = [];
  const statusCounts: Record<string, number> = {};
  log(`${opts.name}: ${opts.method ?? 'GET'} ${opts.url} × ${opts.connections} connection(s) for ≤ ${opts.durationS} s / ≤ ${opts.maxRequests} requests`);
  const result = await cannon(opts, opts.durationS, (status, ms) => {
    latencies.push(ms);
    statusCounts[status] = (statusCounts[status] ?? 0) + 1;
  });
  const durationS = result.duration;
  const notes: string[] = [];
  if (latencies.length === 0) notes.push('no responses at all');
  return {
    name: opts.name,
    target: `${opts.method ?? 'GET'} ${new URL(opts.url).pathname}${opts.paths?.length ? ` (${opts.paths.length} rotating paths)` : ''}`,
    connections: opts.connections,
    kind: 'requests',
    durationS: round(durationS, 2),
    completed: latencies.length,
    rps: round(latencies.length / durationS, 1),
    latencyMs: latencyStats(latencies),
    statusCounts,
    non2xx: result.non2xx,
    bad: result.mismatches,
    errors: result.errors,
    timeouts: result.timeouts,
    notes,
  };
}

export interface FlowOutcome {
  /** The status that decides the outcome (e.g. the credentials POST). */
  status: number;
  /** Was that status the expected one? (false → counted as non-2xx) */
  statusOk: boolean;
  /** Did the flow achieve what it should? (false with statusOk → counted as "bad") */
  ok: boolean;
  reason?: string | null;
}

export interface WorkersOptions {
  name: string;
  target: string;
  workers: number;
  durationS: number;
  maxIterations: number;
  iteration: (worker: number, i: number) => Promise<FlowOutcome>;
  warmupIterations?: number;
}

export async function runWorkers(opts: WorkersOptions): Promise<LoadResult> {
  assertNotHalted();
  for (let i = 0; i < (opts.warmupIterations ?? 0); i++) await opts.iteration(0, -1 - i).catch(() => undefined);
  log(`${opts.name}: ${opts.target} × ${opts.workers} worker(s) for ≤ ${opts.durationS} s / ≤ ${opts.maxIterations} iterations`);
  const latencies: number[] = [];
  const statusCounts: Record<string, number> = {};
  const reasons: Record<string, number> = {};
  let non2xx = 0;
  let bad = 0;
  let errors = 0;
  let started = 0;
  const t0 = performance.now();
  const deadline = t0 + opts.durationS * 1000;
  const worker = async (w: number) => {
    while (!halted && performance.now() < deadline && started < opts.maxIterations) {
      const i = started++;
      const s = performance.now();
      try {
        const out = await opts.iteration(w, i);
        latencies.push(performance.now() - s);
        statusCounts[out.status] = (statusCounts[out.status] ?? 0) + 1;
        if (!out.statusOk) non2xx++;
        else if (!out.ok) bad++;
        if (out.reason) reasons[out.reason] = (reasons[out.reason] ?? 0) + 1;
      } catch (err) {
        errors++;
        const key = `error: ${(err as Error).message ?? String(err)}`.slice(0, 120);
        reasons[key] = (reasons[key] ?? 0) + 1;
        // Do not spin on a dead server.
        await sleep(50);
      }
    }
  };
  await Promise.all(Array.from({ length: opts.workers }, (_, w) => worker(w)));
  const durationS = (performance.now() - t0) / 1000;
  const notes = Object.entries(reasons).map(([k, n]) => `${n} × ${k}`);
  return {
    name: opts.name,
    target: opts.target,
    connections: opts.workers,
    kind: 'flows',
    durationS: round(durationS, 2),
    completed: latencies.length,
    rps: round(latencies.length / durationS, 1),
    latencyMs: latencyStats(latencies),
    statusCounts,
    non2xx,
    bad,
    errors,
    timeouts: 0,
    notes,
  };
}
