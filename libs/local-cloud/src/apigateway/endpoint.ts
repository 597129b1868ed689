import { createServer, type IncomingMessage, type RequestListener, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ServiceEndpoint } from '../core/contracts';
import { LOOPBACK } from '../core/gateway';
import type { IncomingApiRequest } from './http/api-request';
import { GatewayResponses, writeApiResponse, type ApiResponse } from './http/api-response';

/** What answers the requests to an API: the HTTP API engine, the REST API engine, or both by API id. */
export interface ApiRequestHandler {
  handle(incoming: IncomingApiRequest): Promise<ApiResponse>;
}

/** Where the gateway serves the APIs: `/_aws/execute-api/{apiId}/` is an API's base URL (a REST API's stages below it). */
export const EXECUTE_API_PATH = '/_aws/execute-api/';

/**
 * An API's base URL on the local cloud: the template's `ApiEndpoint`, plus `/{stage}` for a named stage
 * (the `$default` stage has no prefix, as in AWS).
 *
 * @example
 * apiBaseUrl('http://127.0.0.1:4566', 'a1b2c3d4e5'); // 'http://127.0.0.1:4566/_aws/execute-api/a1b2c3d4e5'
 * apiBaseUrl('http://127.0.0.1:4566', 'a1b2c3d4e5', 'prod'); // '.../_aws/execute-api/a1b2c3d4e5/prod'
 */
export function apiBaseUrl(gatewayUrl: string, apiId: string, stage = '$default'): string {
  const base = `${gatewayUrl}${EXECUTE_API_PATH}${apiId}`;
  return stage === '$default' ? base : `${base}/${encodeURIComponent(stage)}`;
}

/**
 * The endpoint the core's gateway serves: unsigned requests below `/_aws/execute-api/` (browsers, curl,
 * fetch) and requests signed for `execute-api` (IAM-authorized callers).
 *
 * @example
 * gateway.register(makeExecuteApiEndpoint(engine));
 */
export function makeExecuteApiEndpoint(engine: ApiRequestHandler): ServiceEndpoint {
  return {
    signingName: 'execute-api',
    unsignedPathPrefixes: [EXECUTE_API_PATH],
    async handle(req, res, body) {
      const method = req.method ?? 'GET';
      const parsed = parseTarget(req.url ?? '/');
      if (!parsed) return writeApiResponse(res, GatewayResponses.notFound(), method);
      const sourceIp = req.socket.remoteAddress ?? LOOPBACK;
      const response = await engine.handle({ ...parsed, method, rawHeaders: req.rawHeaders, body, sourceIp, httpVersion: req.httpVersion });
      writeApiResponse(res, response, method);
    },
  };
}

/**
 * A request listener serving the endpoint on a server of its own (it reads the body the gateway would have).
 *
 * @example
 * createServer(requestListener(makeExecuteApiEndpoint(engine))).listen(8080, '127.0.0.1');
 */
export function requestListener(endpoint: ServiceEndpoint): RequestListener {
  return (req: IncomingMessage, res: ServerResponse) => {
    void readBody(req)
      .then((body) => endpoint.handle(req, res, body))
      .catch(() => {
        if (!res.headersSent) writeApiResponse(res, GatewayResponses.internalError(), req.method ?? 'GET');
        else res.end();
      });
  };
}

/**
 * Serves the endpoint on its own 127.0.0.1 port (0 picks a free one), for a dedicated listener.
 *
 * @example
 * const server = await startExecuteApiServer(endpoint);
 * await fetch(`${server.url}/_aws/execute-api/${apiId}/products`);
 * await server.close();
 */
export async function startExecuteApiServer(endpoint: ServiceEndpoint, port = 0): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer(requestListener(endpoint));
  server.keepAliveTimeout = 1_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, LOOPBACK, () => resolve());
  });
  const url = `http://${LOOPBACK}:${(server.address() as AddressInfo).port}`;
  const close = () => new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
  return { url, close };
}

/** `/_aws/execute-api/{apiId}/{rest}?{query}` → the API id and the URL below the API's base. */
function parseTarget(url: string): { apiId: string; target: string } | undefined {
  if (!url.startsWith(EXECUTE_API_PATH)) return undefined;
  const rest = url.slice(EXECUTE_API_PATH.length);
  const cut = rest.search(/[/?]/);
  const apiId = cut < 0 ? rest : rest.slice(0, cut);
  const tail = cut < 0 ? '' : rest.slice(cut);
  if (!apiId) return undefined;
  return { apiId, target: tail.startsWith('/') ? tail : `/${tail}` };
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
