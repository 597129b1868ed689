import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { ReceiveMessageCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../core/plugin-harness';
import { clientConfig, startConsoleCloud, type ConsoleCloud } from './test-support';

let demo: ConsoleCloud;
let events: EventBridgeClient;
let sqs: SQSClient;

beforeAll(async () => {
  demo = await startConsoleCloud();
  events = new EventBridgeClient(clientConfig(demo.cloud));
  sqs = new SQSClient(clientConfig(demo.cloud));
});

afterAll(async () => {
  events?.destroy();
  sqs?.destroy();
  await demo?.stop();
});

const api = async (path: string, init?: RequestInit) => {
  const response = await fetch(`${demo.consoleUrl}api/${path}`, init);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

const orderPlaced = (correlationId: string) => ({
  EventBusName: 'shop',
  Source: 'shop.orders',
  DetailType: 'OrderPlaced',
  Detail: JSON.stringify({ orderId: `o-${correlationId}`, metadata: { correlation_id: correlationId } }),
});

type Timeline = { items: Array<{ kind: string; title: string; detail: string }> };

describe('the console API', () => {
  it('serves the page with its script and style', async () => {
    const page = await fetch(demo.consoleUrl);
    const script = await fetch(`${demo.consoleUrl}console.js`);

    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('<label for="correlation-id">Correlation id</label>');
    expect(script.headers.get('content-type')).toContain('text/javascript');
  });

  it('streams events with the correlation id they carry, and the rule deliveries that followed', async () => {
    await eventually(() => api('events'), ({ body }) => (body['streams'] as Record<string, { state: string }>)['eventbridge']?.state === 'connected');

    await events.send(new PutEventsCommand({ Entries: [orderPlaced('c-stream')] }));

    const { body } = await eventually(() => api('events?since=0'), ({ body }) => (body['entries'] as unknown[]).some((e) => (e as { kind: string }).kind === 'delivery'));
    const entries = (body['entries'] as Array<{ kind: string; correlationIds: string[]; data: Record<string, unknown> }>).filter((e) => e.correlationIds.includes('c-stream'));
    expect(entries.map((e) => e.kind)).toEqual(['event', 'delivery']);
    expect(entries[0]?.data['matchedRules']).toEqual([expect.stringContaining('OrderPlaced')]);
    expect(entries[1]?.data['status']).toBe('delivered');
  });

  it('shows one correlation id as a timeline: the event, its delivery, the workflow and each of its states', async () => {
    await events.send(new PutEventsCommand({ Entries: [orderPlaced('c-timeline')] }));

    const { body } = await eventually(
      () => api('timeline?correlationId=c-timeline'),
      ({ body }) => (body as Timeline).items.filter((i) => i.kind === 'state').length === 3 && (body as Timeline).items.some((i) => i.detail.startsWith('SUCCEEDED')),
    );
    const items = (body as Timeline).items;
    expect(items.map((i) => i.kind).sort()).toEqual(['delivery', 'event', 'execution', 'state', 'state', 'state']);
    expect(items[0]).toMatchObject({ kind: 'event', title: 'OrderPlaced from shop.orders' });
    expect(items.filter((i) => i.kind === 'state').map((i) => i.title)).toEqual(['fulfilment › ReserveStock', 'fulfilment › ShipOrder', 'fulfilment › Done']);
  });

  it('lists executions and describes one state by state', async () => {
    await events.send(new PutEventsCommand({ Entries: [orderPlaced('c-history')] }));
    const { body: list } = await eventually(() => api('executions'), ({ body }) => (body['executions'] as unknown[]).length >= 1);
    const arn = (list['executions'] as Array<{ executionArn: string }>)[0]?.executionArn ?? '';

    const { body } = await eventually(() => api(`execution?arn=${encodeURIComponent(arn)}`), ({ body }) => body['status'] === 'SUCCEEDED');

    expect((body['states'] as Array<{ name: string; type: string }>).map((s) => [s.name, s.type])).toEqual([['ReserveStock', 'Pass'], ['ShipOrder', 'Pass'], ['Done', 'Succeed']]);
  });

  it('counts queue messages, marks the DLQ and redrives it to its source queue', async () => {
    await sqs.send(new SendMessageCommand({ QueueUrl: demo.output('PaymentsUrl'), MessageBody: '{"payment":"p-1"}' }));
    // maxReceiveCount is 1: the second receive moves the message to the DLQ.
    const receive = () => sqs.send(new ReceiveMessageCommand({ QueueUrl: demo.output('PaymentsUrl'), VisibilityTimeout: 0 }));
    await receive();
    await eventually(receive, (received) => (received.Messages ?? []).length === 0);
    const queues = async () => (await api('queues')).body['queues'] as Array<{ name: string; arn: string; visible: number; isDeadLetterQueue: boolean }>;
    const before = await queues();
    const dlq = before.find((q) => q.name === 'payments-dlq');

    const redrive = await api('redrive', { method: 'POST', body: JSON.stringify({ sourceArn: dlq?.arn }) });

    expect(dlq).toMatchObject({ visible: 1, isDeadLetterQueue: true });
    expect(redrive.status).toBe(200);
    expect((await queues()).map((q) => [q.name, q.visible, q.isDeadLetterQueue])).toEqual([['payments', 1, false], ['payments-dlq', 0, true]]);
  });

  it("reports each stream's status: a service that is not running makes its stream unavailable, not the others", async () => {
    const settled = (streams: Record<string, { state: string }>) => Object.values(streams).every((stream) => stream.state !== 'connecting');
    const { body } = await eventually(() => api('events'), ({ body }) => settled(body['streams'] as Record<string, { state: string }>));

    const streams = body['streams'] as Record<string, { state: string; reason?: string }>;
    expect(streams['eventbridge']).toEqual({ state: 'connected' });
    expect(streams['lambda']).toEqual({ state: 'connected' });
    expect(streams['apigateway']).toEqual({ state: 'unavailable', reason: expect.stringMatching(/^API Gateway activity: GET \/_local\/apigateway-activity answered 403/) });
  });

  it('answers 400 with a code when a required parameter is missing', async () => {
    const { status, body } = await api('timeline');

    expect(status).toBe(400);
    expect(body).toEqual({ code: 'CONSOLE.BAD_REQUEST', message: 'The query parameter "correlationId" is required' });
  });

  it('lists the functions and says which function name matches nothing', async () => {
    const functions = await api('functions');
    const logs = await api('logs?function=NoSuchFunction');

    expect(functions).toEqual({ status: 200, body: { functions: [] } });
    expect(logs.status).toBe(404);
    expect(logs.body['message']).toBe('No single function matches "NoSuchFunction"');
  });
});
