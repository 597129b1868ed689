import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ServiceEndpoint } from '../core/contracts';
import type { CallerHeaders, JsonProtocolResponse } from './fauxqs-engine';
import { parseQueryRequest } from './query-request';
import { renderQueryError, renderQueryResult } from './query-response';
import type { SqsApi } from './sqs-api';

const JSON_CONTENT_TYPE = 'application/x-amz-json-1.0';
const TARGET_PREFIX = 'AmazonSQS.';

/**
 * The SQS API as the gateway serves it: the JSON protocol (`X-Amz-Target: AmazonSQS.<Action>`, current SDK
 * v3 and AWS CLI) and the query protocol (form-encoded `Action=...`, older CLIs and SDKs), both answered
 * with AWS's error shapes so SDKs raise the same exception classes as against AWS.
 * @example
 * const endpoint = makeSqsEndpoint(makeSqsApi(engine));
 * http.createServer(async (req, res) => endpoint.handle(req, res, await readBody(req)));
 */
export function makeSqsEndpoint(api: SqsApi): ServiceEndpoint {
  return {
    signingName: 'sqs',
    handle: async (req, res, body) => {
      const caller = callerOf(req);
      const target = headerOf(req, 'x-amz-target');
      if (target?.startsWith(TARGET_PREFIX)) {
        return handleJson(api, target.slice(TARGET_PREFIX.length), body, caller, res);
      }
      return handleQuery(api, req, body, caller, res);
    },
  };
}

async function handleJson(
  api: SqsApi,
  action: string,
  body: Buffer,
  caller: CallerHeaders,
  res: ServerResponse,
): Promise<void> {
  const input = parseJsonObject(body);
  const result = input
    ? await api(action, input, caller)
    : { statusCode: 400, body: serializationError('The request body is not a JSON object.') };
  const headers: Record<string, string> = { 'content-type': JSON_CONTENT_TYPE, 'x-amzn-requestid': randomUUID() };
  if (result.queryError) headers['x-amzn-query-error'] = result.queryError;
  res.writeHead(result.statusCode, headers);
  res.end(result.body);
}

async function handleQuery(
  api: SqsApi,
  req: IncomingMessage,
  body: Buffer,
  caller: CallerHeaders,
  res: ServerResponse,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const { action, input } = parseQueryRequest(body.toString('utf8'), url.search);
  // The query protocol also lets a client post to the queue URL itself instead of passing QueueUrl.
  if (input['QueueUrl'] === undefined && url.pathname.split('/').filter(Boolean).length >= 2) {
    input['QueueUrl'] = `http://${caller.host ?? 'localhost'}${url.pathname}`;
  }
  const requestId = randomUUID();
  const result: JsonProtocolResponse = action
    ? await api(action, input, caller)
    : {
        statusCode: 400,
        body: JSON.stringify({ __type: '#MissingAction', message: 'The request must contain the parameter Action.' }),
      };
  res.writeHead(result.statusCode, { 'content-type': 'text/xml', 'x-amzn-requestid': requestId });
  res.end(
    result.statusCode < 300
      ? renderQueryResult(action, parseJsonObject(Buffer.from(result.body)) ?? {}, requestId)
      : queryErrorOf(result, requestId),
  );
}

function queryErrorOf(result: JsonProtocolResponse, requestId: string): string {
  const output = parseJsonObject(Buffer.from(result.body)) ?? {};
  const jsonCode =
    String(output['__type'] ?? 'InternalFailure')
      .split('#')
      .at(-1) ?? 'InternalFailure';
  const [queryCode, fault] = result.queryError?.split(';') ?? [];
  const sender = fault ? fault === 'Sender' : result.statusCode < 500;
  return renderQueryError(queryCode ?? jsonCode, String(output['message'] ?? jsonCode), sender, requestId);
}

function parseJsonObject(body: Buffer): Record<string, unknown> | undefined {
  if (body.length === 0) return {};
  try {
    const parsed: unknown = JSON.parse(body.toString('utf8'));
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

function serializationError(message: string): string {
  return JSON.stringify({ __type: 'com.amazon.coral.service#SerializationException', message });
}

function callerOf(req: IncomingMessage): CallerHeaders {
  const authorization = headerOf(req, 'authorization');
  const host = headerOf(req, 'host');
  return { ...(authorization ? { authorization } : {}), ...(host ? { host } : {}) };
}

function headerOf(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
