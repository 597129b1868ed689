import { readState } from './state-file';

interface LogsResponse {
  readonly functionName?: string;
  readonly message?: string;
  readonly candidates?: readonly string[];
  readonly lines?: readonly { time: string; message: string }[];
}

/**
 * `local-cloud logs <function>`: the log lines the running instance kept for one function
 * (any unique part of its name will do), one per line with its time.
 *
 * @example
 * process.stdout.write(await logsCommand(process.cwd(), 'PlaceOrder'));
 */
export async function logsCommand(dir: string, functionName: string): Promise<string> {
  const { state } = readState(dir);
  const response = await fetch(`${state.url}/_local/lambda-logs?function=${encodeURIComponent(functionName)}`);
  const body = (await response.json()) as LogsResponse;
  if (!response.ok) throw new Error(`${body.message ?? response.statusText}; functions: ${(body.candidates ?? []).join(', ')}`);
  return (body.lines ?? []).map((line) => `${line.time} ${line.message}\n`).join('');
}
