import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerCustomResource, type CustomResourceEvent } from './custom-resource';

let server: Server;
let baseUrl: string;
const received: { method?: string; headers: Record<string, unknown>; body: string }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      received.push({ method: req.method, headers: req.headers, body });
      res.statusCode = req.url === '/expired' ? 403 : 200;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const aCreate = (path = '/ok'): CustomResourceEvent => ({
  RequestType: 'Create',
  ResponseURL: `${baseUrl}${path}`,
  StackId: 'arn:aws:cloudformation:eu-west-2:123456789012:stack/s/1',
  RequestId: 'r-1',
  LogicalResourceId: 'Seed',
});

describe('answerCustomResource', () => {
  it('PUTs SUCCESS with the data, the request ids and an empty content type', async () => {
    const response = await answerCustomResource(aCreate(), 'seed-id', async () => ({ created: 3 }));

    const sent = received.at(-1);
    expect(sent?.method).toBe('PUT');
    expect(sent?.headers['content-type']).toBe('');
    expect(JSON.parse(sent?.body ?? '')).toEqual({
      Status: 'SUCCESS',
      PhysicalResourceId: 'seed-id',
      StackId: 'arn:aws:cloudformation:eu-west-2:123456789012:stack/s/1',
      RequestId: 'r-1',
      LogicalResourceId: 'Seed',
      Data: { created: 3 },
    });
    expect(response.Status).toBe('SUCCESS');
  });

  it('answers FAILED with the reason instead of throwing, so the stack does not hang', async () => {
    const response = await answerCustomResource(aCreate(), 'seed-id', async () => {
      throw new RangeError('table is missing');
    });

    expect(response).toMatchObject({ Status: 'FAILED', PhysicalResourceId: 'seed-id' });
    expect(response.Reason).toContain('RangeError: table is missing');
    expect(JSON.parse(received.at(-1)?.body ?? '')).toMatchObject({ Status: 'FAILED' });
  });

  it('throws when the response URL refuses the answer, so Lambda retries the invocation', async () => {
    await expect(answerCustomResource(aCreate('/expired'), 'seed-id', async () => ({}))).rejects.toThrow(
      /answered 403/,
    );
  });
});
