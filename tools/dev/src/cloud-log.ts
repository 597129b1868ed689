/**
 * One of the local cloud's JSON log lines made readable between the progress lines, with its fields in order.
 *
 * @example
 * formatCloudLine('{"time":"…","level":"warn","msg":"function error","service":"lambda","functionName":"Fn"}');
 * // '  local cloud: warn lambda: function error (functionName=Fn)'
 */
export function formatCloudLine(line: string): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return `  local cloud: ${line}`;
  }
  const { time: _time, level, msg, service, ...fields } = entry;
  const details = Object.entries(fields)
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(', ');
  return `  local cloud: ${[level, service].filter(Boolean).join(' ')}: ${String(msg)}${details ? ` (${details})` : ''}`;
}

/**
 * A sink for the cloud's log lines that prints each kind of line (same level, service, message, function and error)
 * the 1st, 10th, 100th... time, with its count: a consumer timing out on every message of a busy start stays readable.
 *
 * @example
 * const sink = makeCloudLogSink((line) => process.stderr.write(`${line}\n`));
 * makeLogger({ level: 'warn', sink });
 */
export function makeCloudLogSink(write: (line: string) => void): (line: string) => void {
  const seen = new Map<string, number>();
  return (line) => {
    const key = kindOf(line);
    const count = (seen.get(key) ?? 0) + 1;
    seen.set(key, count);
    if (Number.isInteger(Math.log10(count))) write(`${formatCloudLine(line)}${count > 1 ? ` [seen ${count} times]` : ''}`);
  };
}

function kindOf(line: string): string {
  try {
    const { level, service, msg, functionName, errorType, errorMessage } = JSON.parse(line) as Record<string, unknown>;
    return JSON.stringify([level, service, msg, functionName, errorType, errorMessage]);
  } catch {
    return line;
  }
}
