import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import type { Summary } from './stats';

/** One printed figure: a row of the results table. */
export interface Figure {
  /** Which measurement it belongs to ('startup', 'latency: rule → Lambda', ...). */
  readonly group: string;
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  /** How it was measured, in a few words. */
  readonly note?: string;
}

/** What one measurement hands back: figures to print, and its raw numbers for the JSON file. */
export interface Measurement {
  readonly figures: readonly Figure[];
  readonly raw: Record<string, unknown>;
}

/**
 * The figures of a latency distribution: p50, p90, p99 and max, in milliseconds.
 *
 * @example
 * latencyFigures('latency: rule → Lambda', 'PutEvents → handler', summarize(latencies));
 */
export function latencyFigures(group: string, name: string, summary: Summary, note?: string): Figure[] {
  return (['p50', 'p90', 'p99', 'max'] as const).map((key, i) => ({
    group,
    name: `${name} ${key}`,
    value: summary[key],
    unit: 'ms',
    ...(i === 0 && note && { note: `${note} (n=${summary.count})` }),
  }));
}

/** The machine the figures were measured on: they only compare with figures from a similar one. */
export function machine(): Record<string, unknown> {
  return {
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    loadAverage1m: Number(loadavg()[0]?.toFixed(2)),
  };
}

/**
 * Renders the figures as an aligned text table, one group after another.
 *
 * @example
 * process.stdout.write(formatTable([{ group: 'startup', name: 'LocalCloud.start', value: 812.4, unit: 'ms' }]));
 */
export function formatTable(figures: readonly Figure[]): string {
  const header = ['measurement', 'figure', 'value', 'unit', 'how'];
  const rows = figures.map((f) => [f.group, f.name, formatValue(f), f.unit, f.note ?? '']);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]?.length ?? 0)));
  const line = (cells: readonly string[]) =>
    cells.map((cell, i) => (i === 2 ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0))).join('  ').trimEnd();
  const out = [line(header), line(widths.map((w) => '-'.repeat(w)))];
  rows.forEach((row, i) => {
    if (i > 0 && figures[i]?.group !== figures[i - 1]?.group) out.push('');
    out.push(line(row));
  });
  return `${out.join('\n')}\n`;
}

function formatValue({ value, unit }: Figure): string {
  if (!Number.isFinite(value)) return String(value);
  if (unit === 'count' || value >= 100) return value.toFixed(0);
  return value.toFixed(value >= 10 ? 1 : 2);
}

/**
 * Writes the results as JSON under `folder` (`latest.json` and a timestamped copy) and returns the path.
 *
 * @example
 * const file = writeResults('.local-cloud/bench', { machine: machine(), figures });
 */
export function writeResults(folder: string, results: Record<string, unknown>): string {
  mkdirSync(folder, { recursive: true });
  const text = `${JSON.stringify(results, null, 2)}\n`;
  const stamped = join(folder, `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(stamped, text);
  writeFileSync(join(folder, 'latest.json'), text);
  return stamped;
}
