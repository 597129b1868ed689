import type { Logger } from './contracts';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/**
 * A structured logger: one JSON object per line (`time`, `level`, `msg`, then the fields, e.g.
 * `service`, `correlationId`, `requestId`), so local logs read like CloudWatch Logs Insights rows.
 *
 * @example
 * const log = makeLogger({ level: 'info' }).child({ service: 'lambda' });
 * log.info('cold start', { functionName: 'f', initMs: 120 });
 */
export function makeLogger(
  options: { level?: LogLevel; sink?: (line: string) => void; fields?: Record<string, unknown> } = {},
): Logger {
  const threshold = RANK[options.level ?? 'info'];
  const sink = options.sink ?? ((line: string) => process.stdout.write(`${line}\n`));
  const base = options.fields ?? {};
  const write = (level: LogLevel) => (msg: string, fields?: Record<string, unknown>) => {
    if (RANK[level] < threshold) return;
    sink(JSON.stringify({ time: new Date().toISOString(), level, msg, ...base, ...fields }, errorsAsJson));
  };
  return {
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    child: (fields) => makeLogger({ ...options, fields: { ...base, ...fields } }),
  };
}

/** A logger that drops everything (tests that assert on behaviour, not logs). */
export const silentLogger: Logger = makeLogger({ sink: () => undefined });

function errorsAsJson(_key: string, value: unknown): unknown {
  return value instanceof Error ? { name: value.name, message: value.message, ...(value.cause !== undefined && { cause: String(value.cause) }) } : value;
}

/**
 * The correlation id a payload carries, where the Shop puts it: an event's `detail.metadata.correlation_id`,
 * an HTTP event's `x-correlation-id` header, or a top-level `correlation_id`.
 *
 * @example
 * correlationIdOf({ detail: { metadata: { correlation_id: 'c-1' } } }); // 'c-1'
 */
export function correlationIdOf(payload: unknown): string | undefined {
  if (!payload || typeof payload !== 'object') return undefined;
  const p = payload as Record<string, unknown>;
  const detail = p.detail as { metadata?: { correlation_id?: unknown } } | undefined;
  const headers = p.headers as Record<string, unknown> | undefined;
  const candidate = detail?.metadata?.correlation_id ?? headers?.['x-correlation-id'] ?? p.correlation_id;
  return typeof candidate === 'string' ? candidate : undefined;
}
