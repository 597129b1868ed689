import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sendAwsError } from './aws-errors';
import type { LocalRoute, Logger, ServiceEndpoint } from './contracts';
import { signingNameOf } from './signing-name';

/** The loopback address: the local cloud accepts no connection from another machine. */
export const LOOPBACK = '127.0.0.1';

/**
 * One HTTP server on 127.0.0.1 for every emulated service: each request goes to the endpoint whose signing
 * name its SigV4 credential scope names; unsigned requests go by path prefix; `/_local/*` is the tool's own.
 *
 * @example
 * const gateway = new Gateway({ logger });
 * gateway.register(lambdaEndpoint);
 * const url = await gateway.listen(0); // 'http://127.0.0.1:53121'
 */
export class Gateway {
  private readonly endpoints = new Map<string, ServiceEndpoint>();
  private readonly localRoutes = new Map<string, LocalRoute>();
  private server: Server | undefined;

  constructor(private readonly options: { logger: Logger }) {}

  register(endpoint: ServiceEndpoint): void {
    if (this.endpoints.has(endpoint.signingName)) throw new Error(`Two services claim the signing name '${endpoint.signingName}'`);
    this.endpoints.set(endpoint.signingName, endpoint);
  }

  /** Adds a `/_local/<name>` route. */
  route(name: string, handler: LocalRoute): void {
    if (this.localRoutes.has(name)) throw new Error(`Two services claim the local route '${name}'`);
    this.localRoutes.set(name, handler);
  }

  get signingNames(): string[] {
    return [...this.endpoints.keys()];
  }

  /** Starts listening on 127.0.0.1 (port 0 picks a free one) and returns the base URL. */
  async listen(port = 0): Promise<string> {
    const server = createServer((req, res) => void this.dispatch(req, res));
    // Keep-alive sockets would hold stop() open until they time out.
    server.keepAliveTimeout = 1_000;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, LOOPBACK, () => resolve());
    });
    this.server = server;
    return this.url;
  }

  get url(): string {
    const address = this.server?.address() as AddressInfo | null | undefined;
    if (!address) throw new Error('The gateway is not listening');
    return `http://${LOOPBACK}:${address.port}`;
  }

  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }

  private async dispatch(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://local');
    try {
      const local = url.pathname.startsWith('/_local/') ? this.localRoutes.get(url.pathname.split('/')[2] ?? '') : undefined;
      if (local) return await local(req, res, url);
      const endpoint = this.endpointFor(req, url);
      if (!endpoint) return this.reject(req, res);
      await endpoint.handle(req, res, await readBody(req));
    } catch (err) {
      this.options.logger.error('request failed', { method: req.method, path: url.pathname, err });
      if (!res.headersSent) sendAwsError(req, res, 500, 'InternalFailure', `local-cloud: ${(err as Error).message}`);
      else res.end();
    }
  }

  private endpointFor(req: IncomingMessage, url: URL): ServiceEndpoint | undefined {
    const signingName = signingNameOf(req);
    if (signingName) return this.endpoints.get(signingName);
    return [...this.endpoints.values()].find((e) => e.unsignedPathPrefixes?.some((prefix) => url.pathname.startsWith(prefix)));
  }

  private reject(req: IncomingMessage, res: ServerResponse): void {
    const signingName = signingNameOf(req);
    const emulated = this.signingNames.join(', ');
    if (!signingName) {
      sendAwsError(req, res, 403, 'MissingAuthenticationTokenException', `local-cloud: the request is not SigV4-signed and no service serves ${req.url}; emulated: ${emulated}`);
      return;
    }
    this.options.logger.warn('unknown service', { signingName });
    sendAwsError(req, res, 400, 'UnknownServiceException', `local-cloud does not emulate the '${signingName}' service; emulated: ${emulated}`);
  }
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
