import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Json, ServiceEndpoint } from '../core/contracts';
import { LambdaNotFoundError, LambdaThrottledError } from './errors';
import type { LambdaService } from './lambda-service';

const INVOKE = /^\/2015-03-31\/functions\/([^/]+)\/invocations$/;
const LIST = /^\/2015-03-31\/functions\/?$/;
/** Lambda returns the last 4 KB of the invocation's log with `X-Amz-Log-Type: Tail`. */
const TAIL_BYTES = 4096;

/**
 * Lambda's REST-JSON API on the gateway (signing name 'lambda'): Invoke with every invocation type,
 * and ListFunctions, so the AWS SDK's LambdaClient and `aws lambda invoke` work unchanged.
 *
 * @example
 * gateway.register(makeLambdaEndpoint(lambdaService));
 */
export function makeLambdaEndpoint(service: LambdaService): ServiceEndpoint {
  return {
    signingName: 'lambda',
    async handle(req, res, body) {
      const url = new URL(req.url ?? '/', 'http://local');
      const invoke = INVOKE.exec(url.pathname);
      if (req.method === 'POST' && invoke) return handleInvoke(service, req, res, url, decodeURIComponent(invoke[1]!), body);
      if (req.method === 'GET' && LIST.test(url.pathname)) return sendJson(res, 200, { Functions: service.functions.map(describe) });
      sendError(res, 400, 'InvalidRequestContentException', `local-cloud's Lambda does not implement ${req.method} ${url.pathname}`);
    },
  };
}

async function handleInvoke(service: LambdaService, req: IncomingMessage, res: ServerResponse, url: URL, name: string, body: Buffer): Promise<void> {
  const type = String(req.headers['x-amz-invocation-type'] ?? 'RequestResponse');
  let payload: Json;
  try {
    payload = body.length === 0 ? {} : (JSON.parse(body.toString('utf8')) as Json);
  } catch {
    return sendError(res, 400, 'InvalidRequestContentException', 'Could not parse request body into json');
  }
  try {
    const target = service.target(name, url.searchParams.get('Qualifier') ?? undefined);
    if (type === 'DryRun') return sendJson(res, 204, undefined);
    if (type === 'Event') {
      await service.invokeAsync(`${target.pool.config.arn}:${target.qualifier}`, payload, 'invoke-api');
      return sendJson(res, 202, undefined);
    }
    const clientContext = clientContextOf(req);
    const result = await service.run(target, payload, { requestId: randomUUID(), entry: 'invoke-api', ...(clientContext !== undefined && { clientContext }) });
    const headers: Record<string, string> = { 'x-amz-executed-version': result.executedVersion, 'x-amzn-requestid': result.requestId };
    if (req.headers['x-amz-log-type'] === 'Tail') headers['x-amz-log-result'] = tail(result.log);
    if (!result.ok) headers['x-amz-function-error'] = 'Unhandled';
    res.writeHead(200, { 'content-type': 'application/json', ...headers });
    res.end(result.ok ? result.payload : JSON.stringify(result.error));
  } catch (err) {
    if (err instanceof LambdaNotFoundError) return sendError(res, 404, 'ResourceNotFoundException', err.message);
    if (err instanceof LambdaThrottledError) return sendError(res, 429, 'TooManyRequestsException', err.message, { Reason: err.reason });
    throw err;
  }
}

function clientContextOf(req: IncomingMessage): Json | undefined {
  const encoded = req.headers['x-amz-client-context'];
  if (typeof encoded !== 'string') return undefined;
  try {
    return JSON.parse(Buffer.from(encoded, 'base64').toString('utf8')) as Json;
  } catch {
    return undefined;
  }
}

function tail(log: string): string {
  const bytes = Buffer.from(`${log}\n`);
  return bytes.subarray(Math.max(0, bytes.length - TAIL_BYTES)).toString('base64');
}

function describe(config: LambdaService['functions'][number]): Json {
  return {
    FunctionName: config.name,
    FunctionArn: config.arn,
    Runtime: config.runtime,
    Handler: config.handler,
    Timeout: config.timeoutSeconds,
    MemorySize: config.memoryMb,
    Version: '$LATEST',
    Environment: { Variables: { ...config.environment } },
  };
}

function sendJson(res: ServerResponse, status: number, body: Json | undefined): void {
  res.writeHead(status, { 'content-type': 'application/json', 'x-amzn-requestid': randomUUID() });
  res.end(body === undefined ? undefined : JSON.stringify(body));
}

function sendError(res: ServerResponse, status: number, code: string, message: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', 'x-amzn-errortype': code, 'x-amzn-requestid': randomUUID() });
  res.end(JSON.stringify({ Type: 'User', message, ...extra }));
}
