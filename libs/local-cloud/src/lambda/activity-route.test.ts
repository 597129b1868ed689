import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalCloud } from '../core/local-cloud';
import { silentLogger } from '../core/logger';
import { eventually } from '../core/plugin-harness';
import type { InvocationActivity } from './invocation-activity';
import type { LambdaService } from './lambda-service';
import { lambdaPlugin } from './plugin';

/** A queue consumer that fails the records asking for it, and throws on `{ fail: true }`. */
const CONSUMER = `exports.handler = async (event) => {
  if (event.fail) throw new TypeError('boom');
  return { batchItemFailures: (event.Records || []).filter((r) => JSON.parse(r.body).reject).map((r) => ({ itemIdentifier: r.messageId })) };
};`;
const QUEUE_ARN = 'arn:aws:sqs:us-east-1:000000000000:placed-orders';

let dir: string;
let cloud: LocalCloud;
let lambda: LambdaService;
let client: LambdaClient;
const stream = new AbortController();
const messages: string[] = [];

/** Reads `/_local/lambda-activity` as a browser's EventSource would, keeping each message as it came. */
async function follow(url: string): Promise<void> {
  const response = await fetch(url, { signal: stream.signal, headers: { accept: 'text/event-stream' } });
  let buffer = '';
  void (async () => {
    for await (const chunk of response.body ?? []) {
      buffer += Buffer.from(chunk as Uint8Array).toString('utf8');
      const parts = buffer.split('\n\n');
      buffer = parts.pop() ?? '';
      messages.push(...parts.filter((part) => part.includes('data:')));
    }
  })().catch(() => undefined);
}

const activities = (): InvocationActivity[] => messages.map((m) => JSON.parse(/^data: (.*)$/m.exec(m)?.[1] ?? '{}') as InvocationActivity);
const waitFor = (requestId: string) => eventually(activities, (all) => all.some((a) => a.requestId === requestId)).then((all) => all.find((a) => a.requestId === requestId));

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'local-cloud-lambda-activity-'));
  const consumer = { Type: 'AWS::Lambda::Function', Properties: { FunctionName: 'consumer', Runtime: 'nodejs24.x', Handler: 'index.handler', Code: { ZipFile: CONSUMER } } };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ version: '48.0.0', artifacts: { Fns: { type: 'aws:cloudformation:stack', properties: { templateFile: 'Fns.template.json' } } } }));
  writeFileSync(join(dir, 'Fns.template.json'), JSON.stringify({ Resources: { Consumer: consumer } }));
  cloud = await LocalCloud.start({ assembly: dir, plugins: [lambdaPlugin({ onStart: (service) => (lambda = service) })], logger: silentLogger });
  const env = cloud.environment();
  client = new LambdaClient({ endpoint: cloud.url, region: cloud.region, credentials: { accessKeyId: env['AWS_ACCESS_KEY_ID'] ?? '', secretAccessKey: env['AWS_SECRET_ACCESS_KEY'] ?? '' } });
  await follow(`${cloud.url}/_local/lambda-activity`);
});

afterAll(async () => {
  stream.abort();
  client?.destroy();
  await cloud?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('GET /_local/lambda-activity', () => {
  it('streams each Invoke API call as an `invocation` event, the first one a cold start with its init time', async () => {
    const first = await client.send(new InvokeCommand({ FunctionName: 'consumer', Payload: '{}' }));
    const second = await client.send(new InvokeCommand({ FunctionName: 'consumer', Payload: '{}' }));

    const cold = await waitFor(first.$metadata.requestId ?? '');
    const warm = await waitFor(second.$metadata.requestId ?? '');
    expect(messages[0]).toMatch(/^event: invocation\ndata: \{/);
    expect(cold).toMatchObject({ type: 'invocation', functionName: 'consumer', trigger: 'invoke', coldStart: true, initMs: expect.any(Number), outcome: 'ok', correlationIds: [] });
    expect(warm).toMatchObject({ trigger: 'invoke', coldStart: false, outcome: 'ok' });
    expect(warm).not.toHaveProperty('initMs');
  });

  it("reports a queue poller's batch with its queue, the correlation ids of its events and the records it failed", async () => {
    const body = (correlationId: string, reject: boolean) => JSON.stringify({ reject, detail: { metadata: { correlation_id: correlationId } } });
    const batch = { Records: [1, 2].map((n) => ({ messageId: `m-${n}`, eventSource: 'aws:sqs', eventSourceARN: QUEUE_ARN, body: body(`c-batch-${n}`, n === 2) })) };

    await lambda.invoke('consumer', batch);

    const [activity] = (await eventually(activities, (all) => all.some((a) => a.trigger === 'sqs'))).filter((a) => a.trigger === 'sqs');
    expect(activity).toMatchObject({ trigger: 'sqs', triggerSource: QUEUE_ARN, outcome: 'ok', batchItemFailures: ['m-2'], correlationIds: ['c-batch-1', 'c-batch-2'] });
  });

  it('reports an EventBridge target invoke, queued asynchronously, that fails with its error', async () => {
    const event = { id: 'e-1', source: 'shop.orders', 'detail-type': 'Order.OrderPlaced', detail: { fail: true, metadata: { correlation_id: 'c-async' } } };

    await lambda.invokeAsync('consumer', { ...event, fail: true });

    const all = await eventually(activities, (list) => list.some((a) => a.correlationIds.includes('c-async')));
    expect(all.find((a) => a.correlationIds.includes('c-async'))).toMatchObject({ trigger: 'eventbridge', outcome: 'error', error: 'TypeError: boom' });
  });
});
