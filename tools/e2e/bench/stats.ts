/** The distribution of one measured quantity, in milliseconds. */
export interface Summary {
  readonly count: number;
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
  readonly max: number;
}

/** The nearest-rank percentile of ascending `sorted` values (p in 0..100). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1] ?? Number.NaN;
}

export function summarize(values: readonly number[]): Summary {
  const sorted = values.toSorted((a, b) => a - b);
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? Number.NaN,
  };
}

/** One row of the printed table. */
export interface Figure {
  readonly group: string;
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  readonly note?: string;
}

/** p50, p90, p99 and max of a latency distribution as figures, the note (with n) on the first. */
export function latencyFigures(group: string, name: string, summary: Summary, note: string): Figure[] {
  return (['p50', 'p90', 'p99', 'max'] as const).map((key, i) => ({
    group,
    name: `${name} ${key}`,
    value: summary[key],
    unit: 'ms',
    ...(i === 0 && { note: `${note} (n=${summary.count})` }),
  }));
}

/** The figures as an aligned text table, a blank line between groups. */
export function formatTable(figures: readonly Figure[]): string {
  const header = ['measurement', 'figure', 'value', 'unit', 'how'];
  const rows = figures.map((f) => [f.group, f.name, formatValue(f), f.unit, f.note ?? '']);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]?.length ?? 0)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (i === 2 ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
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
