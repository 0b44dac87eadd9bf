// Plain-text tables and target verdicts. Benches report; they never assert: a MISS is printed,
// not thrown.
import fs from 'node:fs';
import path from 'node:path';
import type { LoadResult } from './load';

type Cell = string | number | null | undefined;

function cellText(c: Cell): string {
  if (c === null || c === undefined || (typeof c === 'number' && Number.isNaN(c))) return '–';
  return String(c);
}

/** Numbers right-aligned, text left-aligned. */
export function table(headers: string[], rows: Cell[][]): string {
  const text = rows.map((r) => r.map(cellText));
  const widths = headers.map((h, i) => Math.max(h.length, ...text.map((r) => (r[i] ?? '').length)));
  const numeric = headers.map((_, i) => rows.every((r) => r[i] === null || r[i] === undefined || typeof r[i] === 'number' || /^[\d.,]+( ?[a-zA-Z%]+)?$/.test(cellText(r[i]))));
  const fmt = (cells: string[]) =>
    cells.map((c, i) => (numeric[i] ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd();
  return [fmt(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...text.map(fmt)].join('\n');
}

export function section(title: string, body: string): string {
  return `\n== ${title} ${'='.repeat(Math.max(0, 76 - title.length))}\n${body}\n`;
}

export function loadTable(results: LoadResult[]): string {
  return table(
    ['scenario', 'target', 'conn', 'sec', 'done', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'non-2xx', 'bad', 'errors', 'CPU srv/gen %', 'RSS peak MB'],
    results.map((r) => [
      r.name,
      r.target,
      r.connections,
      r.durationS,
      r.completed,
      r.rps,
      r.latencyMs.p50,
      r.latencyMs.p95,
      r.latencyMs.p99,
      r.latencyMs.max,
      r.non2xx,
      r.bad,
      r.errors + (r.timeouts ? ` (${r.timeouts} t/o)` : ''),
      `${r.serverCpuPct ?? '–'}/${r.generatorCpuPct ?? '–'}`,
      r.rssPeakMb === undefined || r.rssPeakMb === null ? null : Math.round(r.rssPeakMb),
    ]),
  );
}

export interface TargetCheck {
  figure: string;
  value: number | null;
  unit: string;
  /** e.g. "≤ 50" */
  target: string;
  limit: number;
  /** null: not measured (see note). */
  pass: boolean | null;
  note?: string;
}

export function atMost(figure: string, value: number | null | undefined, limit: number, unit: string, note?: string): TargetCheck {
  const v = value === undefined || value === null || Number.isNaN(value) ? null : value;
  return { figure, value: v, unit, target: `≤ ${limit} ${unit}`, limit, pass: v === null ? null : v <= limit, note: v === null ? (note ?? 'not measured') : note };
}

export function atLeast(figure: string, value: number | null | undefined, limit: number, unit: string, note?: string): TargetCheck {
  const v = value === undefined || value === null || Number.isNaN(value) ? null : value;
  return { figure, value: v, unit, target: `≥ ${limit} ${unit}`, limit, pass: v === null ? null : v >= limit, note: v === null ? (note ?? 'not measured') : note };
}

export function targetsTable(checks: TargetCheck[]): string {
  return table(
    ['figure', 'measured', 'target', 'verdict', 'note'],
    checks.map((c) => [c.figure, c.value === null ? null : `${c.value} ${c.unit}`, c.target, c.pass === null ? 'N/A' : c.pass ? 'PASS' : 'MISS', c.note ?? '']),
  );
}

export function writeJson(file: string, data: unknown): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`);
}
