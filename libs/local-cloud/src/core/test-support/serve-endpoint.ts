import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ServiceEndpoint } from '../contracts';

/**
 * Serves one endpoint alone on an ephemeral 127.0.0.1 port: what the gateway does for every service,
 * reduced to one, so this service's API can be driven by the real SDK and CLI on its own.

 * @internal
 * @example const server = await serveEndpoint(endpoint); new EventBridgeClient({ endpoint: server.url });
 */
export async function serveEndpoint(endpoint: ServiceEndpoint): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      endpoint.handle(req, res, Buffer.concat(chunks)).catch((error: unknown) => {
        res.writeHead(500).end(String(error));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
