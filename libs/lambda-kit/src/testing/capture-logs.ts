import { vi } from 'vitest';

/** What a test captured from stdout and stderr while a handler ran. */
export type CapturedLogs = {
  /** Everything written, as one string (to assert that something never appears). */
  readonly text: () => string;
  /** Structured log lines (JSON objects with a `level`), parsed. */
  readonly lines: () => Record<string, unknown>[];
  /** Stops capturing and writes nothing of what was captured. */
  readonly restore: () => void;
};

/**
 * Captures what Powertools writes to stdout and stderr (its logger writes to the streams directly,
 * not through the global console), so tests can assert on log lines.
 *
 * @example
 * const logs = captureLogs();
 * await handler(event, aLambdaContext());
 * logs.restore();
 * expect(logs.lines().every((line) => line.correlation_id === 'c-1')).toBe(true);
 */
export function captureLogs(): CapturedLogs {
  const chunks: string[] = [];
  const capture = (chunk: unknown): boolean => {
    chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8'));
    return true;
  };
  const spies = [
    vi.spyOn(process.stdout, 'write').mockImplementation(capture),
    vi.spyOn(process.stderr, 'write').mockImplementation(capture),
  ];
  const text = () => chunks.join('');
  const lines = () =>
    text()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((line) => typeof line.level === 'string');
  return { text, lines, restore: () => spies.forEach((spy) => spy.mockRestore()) };
}
