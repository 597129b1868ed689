import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LambdaClient } from '@aws-sdk/client-lambda';
import type { SFNClient } from '@aws-sdk/client-sfn';
import type { SQSClient } from '@aws-sdk/client-sqs';
import { ConsoleError } from './errors';
import type { ActivityFeed } from './activity-feed';
import { functionLogs, listFunctions } from './functions';
import { listQueues, redrive } from './queues';
import { buildTimeline } from './timeline';
import { describeExecution, executionsCarrying, listExecutions } from './workflows';

/** What the console's JSON API reads: AWS clients on the gateway, the gateway's URL and the activity feed. */
export interface ConsoleSources {
  readonly endpointUrl: string;
  readonly sfn: SFNClient;
  readonly sqs: SQSClient;
  readonly lambda: LambdaClient;
  readonly feed: ActivityFeed;
}

type Handler = (sources: ConsoleSources, url: URL, req: IncomingMessage) => Promise<unknown>;

const required = (url: URL, name: string): string => {
  const value = url.searchParams.get(name);
  if (!value) throw new ConsoleError('CONSOLE.BAD_REQUEST', `The query parameter "${name}" is required`, 400);
  return value;
};

/** The JSON API under `/_local/console/api/`, by method and path. */
export const API: Record<string, Handler> = {
  'GET events': async ({ feed }, url) => ({ streams: feed.statuses, entries: feed.since(Number(url.searchParams.get('since') ?? 0)) }),
  'GET executions': async ({ sfn }) => ({ executions: await listExecutions(sfn) }),
  'GET execution': async ({ sfn }, url) => {
    const arn = required(url, 'arn');
    const summary = (await listExecutions(sfn)).find((e) => e.executionArn === arn);
    if (!summary) throw new ConsoleError('CONSOLE.NOT_FOUND', `No execution ${arn}`, 404);
    return describeExecution(sfn, summary);
  },
  'GET timeline': async ({ sfn, feed }, url) => {
    const correlationId = required(url, 'correlationId');
    const executions = await executionsCarrying(sfn, correlationId);
    return { correlationId, streams: feed.statuses, items: buildTimeline(feed.forCorrelation(correlationId), executions), executions };
  },
  'GET queues': async ({ sqs }) => ({ queues: await listQueues(sqs) }),
  'POST redrive': async ({ sqs }, _url, req) => {
    const body = JSON.parse((await readBody(req)) || '{}') as { sourceArn?: unknown };
    if (typeof body.sourceArn !== 'string') throw new ConsoleError('CONSOLE.BAD_REQUEST', 'The body needs "sourceArn": the DLQ to redrive', 400);
    return redrive(sqs, body.sourceArn);
  },
  'GET functions': async ({ lambda }) => ({ functions: await listFunctions(lambda) }),
  'GET logs': async ({ endpointUrl }, url) => functionLogs(endpointUrl, required(url, 'function')),
};

/**
 * Answers one API request: 200 with the handler's JSON, or `{ code, message }` with the error's status. A
 * service that is not running (the SDK call fails with `UnknownServiceException`) is 503 "not available".
 */
export async function answerApi(sources: ConsoleSources, name: string, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const handler = API[`${req.method} ${name}`];
  try {
    if (!handler) throw new ConsoleError('CONSOLE.NOT_FOUND', `No console API ${req.method} ${name}`, 404);
    send(res, 200, await handler(sources, url, req));
  } catch (err) {
    const error = err instanceof ConsoleError ? err : asConsoleError(err as Error);
    send(res, error.status, { code: error.code, message: error.message });
  }
}

function asConsoleError(err: Error): ConsoleError {
  if (err.name === 'UnknownServiceException') return new ConsoleError('CONSOLE.NOT_AVAILABLE', `Not available: ${err.message}`, 503, { cause: err });
  if (err instanceof SyntaxError) return new ConsoleError('CONSOLE.BAD_REQUEST', `The body is not JSON: ${err.message}`, 400, { cause: err });
  return new ConsoleError('CONSOLE.NOT_AVAILABLE', `${err.name}: ${err.message}`, 502, { cause: err });
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
