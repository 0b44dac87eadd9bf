// Samples VmRSS of one process (the next-server) from /proc/<pid>/status every `intervalMs`.
// Windows (idle, each load run) are read back by time range, so any phase can ask "peak between
// t0 and t1" without its own timer.
import fs from 'node:fs';

export interface RssStats {
  samples: number;
  minMb: number;
  medianMb: number;
  maxMb: number;
}

/** MB here = MiB (VmRSS kB / 1024). */
export function readRssMb(pid: number): number | null {
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

const CLK_TCK = 100; // getconf CLK_TCK on Linux x86_64

/** CPU seconds (user + system) a process has used so far, from /proc/<pid>/stat; null if gone. */
export function cpuSeconds(pid: number): number | null {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const rest = text.slice(text.lastIndexOf(')') + 2).split(' ');
    // After "(comm)": state(0) ppid(1) … utime(11) stime(12)
    return (Number(rest[11]) + Number(rest[12])) / CLK_TCK;
  } catch {
    return null;
  }
}

export class RssSampler {
  private readonly samples: { t: number; mb: number }[] = [];
  private timer: NodeJS.Timeout | null = null;

  constructor(
    readonly pid: number,
    readonly intervalMs = 200,
  ) {}

  start(): this {
    if (this.timer) return this;
    const tick = () => {
      const mb = readRssMb(this.pid);
      if (mb !== null) this.samples.push({ t: performance.now(), mb });
    };
    tick();
    this.timer = setInterval(tick, this.intervalMs);
    this.timer.unref();
    return this;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  now(): number {
    return performance.now();
  }

  /** Stats over [from, to] (performance.now() times); null when no sample fell inside. */
  between(from: number, to: number = performance.now()): RssStats | null {
    const mbs = this.samples.filter((s) => s.t >= from && s.t <= to).map((s) => s.mb).sort((a, b) => a - b);
    if (!mbs.length) return null;
    return { samples: mbs.length, minMb: mbs[0], medianMb: mbs[Math.floor(mbs.length / 2)], maxMb: mbs[mbs.length - 1] };
  }

  overall(): RssStats | null {
    return this.between(0, Number.POSITIVE_INFINITY);
  }
}
