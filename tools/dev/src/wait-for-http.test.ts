import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { NotAnsweringError, waitForHttp } from './wait-for-http';

let server: Server | undefined;

afterEach(async () => {
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  server = undefined;
});

/** A port nothing listens on: one the OS gave a server that has since closed. */
async function aFreePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

describe('waitForHttp', () => {
  it('keeps trying until the server listens, then gives its status', async () => {
    const port = await aFreePort();
    let attempts = 0;
    const url = `http://127.0.0.1:${port}/`;

    const status = waitForHttp(url, {
      timeoutMs: 30_000,
      intervalMs: 20,
      gaveUp: () => {
        // Starts listening only after a few refused attempts.
        if (++attempts === 3) {
          server = createServer((_req, res) => res.writeHead(503).end());
          server.listen(port, '127.0.0.1');
        }
        return undefined;
      },
    });

    await expect(status).resolves.toBe(503);
    expect(attempts).toBeGreaterThanOrEqual(3);
  });

  it('stops at once when the caller gives up, with its reason', async () => {
    const port = await aFreePort();

    const status = waitForHttp(`http://127.0.0.1:${port}/`, { timeoutMs: 30_000, gaveUp: () => 'next exited with 1' });

    await expect(status).rejects.toThrow(new NotAnsweringError(`http://127.0.0.1:${port}/ will not answer: next exited with 1`));
  });

  it('fails once the deadline has passed', async () => {
    const port = await aFreePort();

    const status = waitForHttp(`http://127.0.0.1:${port}/`, { timeoutMs: 0 });

    await expect(status).rejects.toThrow(/did not answer within 0 s \(connect ECONNREFUSED/);
  });
});
