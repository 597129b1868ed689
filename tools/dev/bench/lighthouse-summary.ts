/** The figures the benchmark prints for one page. */
export interface PageFigures {
  readonly performance: number;
  readonly accessibility: number;
  readonly bestPractices: number;
  /** Largest Contentful Paint, ms (Lighthouse's simulated throttling). */
  readonly lcpMs: number;
  /** JavaScript transferred while loading the page, KB (1024 bytes). */
  readonly firstLoadJsKb: number;
}

/** The part of a Lighthouse result (LHR) the figures come from. */
export interface LighthouseResult {
  readonly categories: Readonly<Record<string, { readonly score: number | null } | undefined>>;
  readonly audits: Readonly<Record<string, { readonly numericValue?: number; readonly details?: unknown } | undefined>>;
}

interface NetworkRequest {
  readonly resourceType?: string;
  readonly transferSize?: number;
}

/**
 * Scores (0-100), LCP and first-load JavaScript from a Lighthouse result: the scripts of the `network-requests`
 * audit, by bytes transferred (compressed, as a browser downloads them).
 *
 * @example
 * const figures = pageFigures(runnerResult.lhr);
 */
export function pageFigures(lhr: LighthouseResult): PageFigures {
  const score = (category: string) => Math.round((lhr.categories[category]?.score ?? 0) * 100);
  const requests = ((lhr.audits['network-requests']?.details as { items?: NetworkRequest[] } | undefined)?.items ?? []);
  const scriptBytes = requests
    .filter((request) => request.resourceType === 'Script')
    .reduce((sum, request) => sum + (request.transferSize ?? 0), 0);
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    lcpMs: Math.round(lhr.audits['largest-contentful-paint']?.numericValue ?? Number.NaN),
    firstLoadJsKb: Math.round((scriptBytes / 1024) * 10) / 10,
  };
}

/**
 * A fixed-width table, one row per page.
 *
 * @example
 * process.stdout.write(figuresTable([['home', figures]]));
 */
export function figuresTable(rows: readonly (readonly [string, PageFigures])[]): string {
  const header = ['page', 'performance', 'accessibility', 'best-practices', 'LCP (ms)', 'first-load JS (KB)'];
  const lines = rows.map(([page, f]) => [page, f.performance, f.accessibility, f.bestPractices, f.lcpMs, f.firstLoadJsKb].map(String));
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column]!.length)));
  const format = (cells: readonly string[]) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ');
  return `${[format(header), ...lines.map(format)].join('\n')}\n`;
}
