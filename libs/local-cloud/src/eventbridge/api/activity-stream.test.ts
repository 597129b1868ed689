import { createServer, get } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { EventBridgeEngine } from '../engine/engine';
import { activityStream } from './activity-stream';

describe('activityStream', () => {
  it('streams each put event with its matched rules as a server-sent event', async () => {
    const engine = new EventBridgeEngine({ region: 'eu-west-1', accountId: '123456789012' });
    engine.buses.putRule({ name: 'orders', eventPattern: '{"source": ["shop.orders"]}' });
    const route = activityStream(engine);
    const server = createServer((req, res) => void route(req, res, new URL(req.url ?? '/', 'http://localhost')));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;

    const received = await new Promise<string>((resolve) => {
      get(`http://127.0.0.1:${port}/_local/eventbridge`, (res) => {
        let text = '';
        let put = false;
        res.on('data', (chunk: Buffer) => {
          text += chunk.toString();
          if (!put && text.startsWith(': connected')) {
            put = true;
            engine.putEvents([{ Source: 'shop.orders', DetailType: 'x', Detail: '{}' }]);
          }
          if (/data: .*\n\n/.test(text)) {
            res.destroy();
            resolve(text);
          }
        });
      });
    });
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));

    const data = JSON.parse(/data: (.*)\n/.exec(received)?.[1] ?? '{}') as { type: string; matchedRules: string[]; event: { source: string } };
    expect(received).toContain('event: event\n');
    expect(data).toMatchObject({ type: 'event', matchedRules: ['orders'], event: { source: 'shop.orders' } });
  });
});
