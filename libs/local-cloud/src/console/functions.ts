import { paginateListFunctions, type LambdaClient } from '@aws-sdk/client-lambda';
import { ConsoleError } from './errors';

export interface FunctionSummary {
  readonly name: string;
  readonly runtime?: string;
  readonly memorySize?: number;
  readonly timeout?: number;
}

export interface LogLine {
  readonly time: string;
  readonly requestId?: string;
  readonly message: string;
}

export interface FunctionLogs {
  readonly functionName: string;
  readonly lines: readonly LogLine[];
  /** The invocations that started an execution environment: Lambda's REPORT line says `Init Duration`. */
  readonly coldStarts: ReadonlyArray<{ readonly time: string; readonly requestId?: string; readonly initMs: number }>;
}

/**
 * Every function, through the Lambda API's ListFunctions.
 * @example await listFunctions(new LambdaClient({ endpoint })); // [{ name, runtime, memorySize, timeout }]
 */
export async function listFunctions(lambda: LambdaClient): Promise<FunctionSummary[]> {
  const functions: FunctionSummary[] = [];
  for await (const page of paginateListFunctions({ client: lambda }, {})) {
    for (const f of page.Functions ?? []) {
      functions.push({ name: f.FunctionName ?? '', ...(f.Runtime && { runtime: f.Runtime }), ...(f.MemorySize && { memorySize: f.MemorySize }), ...(f.Timeout && { timeout: f.Timeout }) });
    }
  }
  return functions.sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * A function's log lines and cold starts, read from the lambda service's `GET /_local/lambda-logs` (there is
 * no CloudWatch Logs API locally). Without that route the console says so rather than showing nothing.
 * @example await functionLogs(endpointUrl, 'PlaceOrder'); // { functionName, lines, coldStarts: [{ initMs: 212.4 }] }
 */
export async function functionLogs(endpointUrl: string, name: string): Promise<FunctionLogs> {
  const response = await fetch(`${endpointUrl}/_local/lambda-logs?function=${encodeURIComponent(name)}`);
  const type = response.headers.get('content-type') ?? '';
  if (response.status === 404 && type.startsWith('application/json')) {
    const { message } = (await response.json()) as { message: string };
    throw new ConsoleError('CONSOLE.NOT_FOUND', message, 404);
  }
  if (!response.ok || !type.startsWith('application/json')) {
    await response.body?.cancel();
    throw new ConsoleError('CONSOLE.NOT_AVAILABLE', 'Function logs are not available: the lambda service serves no /_local/lambda-logs', 503);
  }
  const { functionName, lines } = (await response.json()) as { functionName: string; lines: LogLine[] };
  return { functionName, lines, coldStarts: lines.flatMap(coldStartOf) };
}

function coldStartOf(line: LogLine): FunctionLogs['coldStarts'] {
  const init = /^REPORT .*Init Duration: ([\d.]+) ms/.exec(line.message);
  if (!init) return [];
  return [{ time: line.time, ...(line.requestId && { requestId: line.requestId }), initMs: Number(init[1]) }];
}
