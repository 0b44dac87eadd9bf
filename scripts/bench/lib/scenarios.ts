// Reusable scenario shapes, so a new bench (bench:geo, bench:bookings …) is mostly a list of these.
import { runAutocannon, runWorkers, type AutocannonOptions, type FlowOutcome } from './load';
import type { BenchContext, Scenario } from './runner';

export interface HttpTarget {
  url: string;
  method?: AutocannonOptions['method'];
  headers?: Record<string, string>;
  body?: string;
  verifyBody?: (body: string) => boolean;
  /** The process serving it, when not next-server (for CPU accounting), e.g. the floor. */
  servedBy?: number;
  /** Rotate through these paths (same host) instead of requesting one URL. */
  paths?: string[];
}

/**
 * One request shape measured at 1 connection (latency) and at the profile's connection count
 * (throughput). `setup` runs in the prepare phase and must throw if the target is not usable.
 */
export function httpScenario(spec: {
  name: string;
  description: string;
  setup(ctx: BenchContext): Promise<HttpTarget>;
  /** Default [1, profile.connections]. */
  connections?: (ctx: BenchContext) => number[];
}): Scenario {
  let target: HttpTarget | null = null;
  const shape = (ctx: BenchContext, connections: number, durationS: number, warmupS = 0): AutocannonOptions => ({
    name: spec.name,
    url: target!.url,
    method: target!.method,
    headers: target!.headers,
    body: target!.body,
    verifyBody: target!.verifyBody,
    paths: target!.paths,
    connections,
    durationS,
    warmupS,
    maxRequests: ctx.profile.maxRequests,
  });
  return {
    name: spec.name,
    description: spec.description,
    async prepare(ctx) {
      target = await spec.setup(ctx);
    },
    async warmup(ctx) {
      // Unmeasured: first requests compile/load route modules and fill pools.
      await runAutocannon({ ...shape(ctx, ctx.profile.connections, ctx.profile.warmupSeconds), maxRequests: 5_000 });
    },
    async run(ctx) {
      const conns = spec.connections?.(ctx) ?? [1, ctx.profile.connections];
      for (const c of conns) {
        const seconds = c === 1 ? ctx.profile.latencySeconds : ctx.profile.loadSeconds;
        await ctx.measure(() => runAutocannon(shape(ctx, c, seconds)), target!.servedBy);
      }
    },
  };
}

/**
 * A multi-request flow (e.g. csrf + credentials POST) looped by N concurrent workers, measured at
 * 1 worker and at the profile's connection count.
 */
export function flowScenario(spec: {
  name: string;
  description: string;
  target: string;
  /** Must throw when one iteration does not succeed (so a broken flow is not "measured"). */
  setup?(ctx: BenchContext): Promise<void>;
  iteration(ctx: BenchContext, worker: number, i: number): Promise<FlowOutcome>;
}): Scenario {
  return {
    name: spec.name,
    description: spec.description,
    async prepare(ctx) {
      await spec.setup?.(ctx);
    },
    async run(ctx) {
      const p = ctx.profile;
      for (const [workers, seconds, max] of [
        [1, p.flowLatencySeconds, p.flowLatencyMax],
        [p.connections, p.flowSeconds, p.flowMax],
      ] as const) {
        await ctx.measure(() =>
          runWorkers({
            name: spec.name,
            target: spec.target,
            workers,
            durationS: seconds,
            maxIterations: max,
            warmupIterations: workers === 1 ? 2 : 0,
            iteration: (w, i) => spec.iteration(ctx, w, i),
          }),
        );
      }
    },
  };
}
