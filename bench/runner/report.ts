import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import type { BenchRow } from './types';

const COLUMNS = ['scenario', 'ceiling (same run)', 'app', 'ratio', 'goal', 'met'] as const;

/** The bench's table as Markdown (for the console and the README), with the notes under it. */
export function markdownTable(rows: readonly BenchRow[]): string {
  const cells = rows.map((r) => [r.scenario, r.ceiling, r.app, r.ratio === null ? '—' : String(r.ratio), r.goal, r.met === null ? 'not measured' : r.met ? 'yes' : 'no']);
  const line = (values: readonly string[]) => `| ${values.map((v) => v.replace(/\|/g, '\\|')).join(' | ')} |`;
  const notes = rows.map((r, i) => (r.note ? `${i + 1}. ${r.scenario}: ${r.note}` : '')).filter(Boolean);
  return [line(COLUMNS), line(COLUMNS.map(() => '---')), ...cells.map(line), '', ...notes].join('\n');
}

/** What the run ran on, for the JSON and the README. */
export function machine(browserVersion: string) {
  const cpu = cpus();
  return {
    cpus: cpu.length,
    cpuModel: cpu[0]?.model ?? 'unknown',
    memoryGb: Math.round(totalmem() / 2 ** 30),
    loadAverage1m: Number(loadavg()[0]?.toFixed(2)),
    node: process.version,
    chromium: browserVersion,
  };
}

/** Writes bench-results/bench-<time>.json and bench-results/latest.json; returns the file written. */
export function writeResults(result: object): string {
  mkdirSync('bench-results', { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const file = `bench-results/bench-${stamp}.json`;
  const text = `${JSON.stringify(result, null, 2)}\n`;
  writeFileSync(file, text);
  writeFileSync('bench-results/latest.json', text);
  return file;
}
