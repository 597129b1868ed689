import {
  CreateArchiveCommand,
  CreateEventBusCommand,
  DeleteRuleCommand,
  DescribeEventBusCommand,
  DescribeReplayCommand,
  DescribeRuleCommand,
  EventBridgeClient,
  InvalidEventPatternException,
  ListArchivesCommand,
  ListEventBusesCommand,
  ListRulesCommand,
  ListTargetsByRuleCommand,
  PutEventsCommand,
  PutRuleCommand,
  PutTargetsCommand,
  RemoveTargetsCommand,
  ResourceAlreadyExistsException,
  ResourceNotFoundException,
  StartReplayCommand,
  TestEventPatternCommand,
} from '@aws-sdk/client-eventbridge';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEventBridge, type EventBridgeService } from '../create-event-bridge';
import { RecordingLambda } from '../engine/recording-ports';
import { serveEndpoint } from '../../core/test-support/serve-endpoint';

const REGION = 'eu-west-1';
const ACCOUNT = '123456789012';
const FUNCTION = `arn:aws:lambda:${REGION}:${ACCOUNT}:function:invoices`;
const EVENT = {
  id: '1', 'detail-type': 'Order.OrderConfirmed', source: 'shop.orders', account: ACCOUNT,
  time: '2024-05-01T10:00:00Z', region: REGION, resources: [], detail: { total: { amount: 5000 } },
};

let lambda: RecordingLambda;
let service: EventBridgeService;
let server: Awaited<ReturnType<typeof serveEndpoint>>;
let client: EventBridgeClient;

beforeEach(async () => {
  lambda = new RecordingLambda();
  service = createEventBridge({ region: REGION, accountId: ACCOUNT, ports: { lambda } });
  server = await serveEndpoint(service.endpoint);
  client = new EventBridgeClient({ region: REGION, endpoint: server.url, credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
});

afterEach(async () => {
  client.destroy();
  await server.close();
});

describe('the EventBridge endpoint, driven by @aws-sdk/client-eventbridge', () => {
  it('routes a put event to the Lambda target of a matching rule', async () => {
    await client.send(new PutRuleCommand({ Name: 'invoice', EventPattern: JSON.stringify({ source: ['shop.orders'] }) }));
    await client.send(new PutTargetsCommand({ Rule: 'invoice', Targets: [{ Id: 'fn', Arn: FUNCTION, InputPath: '$.detail' }] }));

    const result = await client.send(new PutEventsCommand({ Entries: [{ Source: 'shop.orders', DetailType: 'Order.OrderConfirmed', Detail: '{"id":"o-1"}' }] }));
    await service.engine.settled();

    expect(result.FailedEntryCount).toBe(0);
    expect(result.Entries?.[0]?.EventId).toMatch(/^[0-9a-f-]{36}$/);
    expect(lambda.asyncInvocations).toEqual([{ functionArn: FUNCTION, payload: { id: 'o-1' } }]);
  });

  it('answers per-entry errors for invalid entries', async () => {
    const result = await client.send(new PutEventsCommand({ Entries: [{ Source: 's', DetailType: 'd', Detail: 'not json' }] }));

    expect(result.FailedEntryCount).toBe(1);
    expect(result.Entries).toEqual([{ ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is malformed.' }]);
  });

  it('describes and lists rules by bus and name prefix', async () => {
    await client.send(new CreateEventBusCommand({ Name: 'shop' }));
    await client.send(new PutRuleCommand({ Name: 'orders-confirmed', EventBusName: 'shop', EventPattern: '{"source":["shop.orders"]}', Description: 'd' }));
    await client.send(new PutRuleCommand({ Name: 'products-updated', EventBusName: 'shop', EventPattern: '{"source":["shop.products"]}' }));

    const described = await client.send(new DescribeRuleCommand({ Name: 'orders-confirmed', EventBusName: 'shop' }));
    const listed = await client.send(new ListRulesCommand({ EventBusName: 'shop', NamePrefix: 'orders' }));

    expect(described).toMatchObject({
      Name: 'orders-confirmed',
      Arn: `arn:aws:events:${REGION}:${ACCOUNT}:rule/shop/orders-confirmed`,
      EventPattern: '{"source":["shop.orders"]}',
      State: 'ENABLED',
      Description: 'd',
      EventBusName: 'shop',
      CreatedBy: ACCOUNT,
    });
    expect(listed.Rules?.map((rule) => rule.Name)).toEqual(['orders-confirmed']);
  });

  it('lists, removes and guards targets', async () => {
    await client.send(new PutRuleCommand({ Name: 'r', EventPattern: '{"source":["a"]}' }));
    await client.send(new PutTargetsCommand({ Rule: 'r', Targets: [{ Id: 'fn', Arn: FUNCTION, RetryPolicy: { MaximumRetryAttempts: 3 } }] }));

    const listed = await client.send(new ListTargetsByRuleCommand({ Rule: 'r' }));
    const refused = await client.send(new DeleteRuleCommand({ Name: 'r' })).catch((error: Error) => error);
    await client.send(new RemoveTargetsCommand({ Rule: 'r', Ids: ['fn'] }));
    await client.send(new DeleteRuleCommand({ Name: 'r' }));
    const gone = await client.send(new DescribeRuleCommand({ Name: 'r' })).catch((error: Error) => error);

    expect(listed.Targets).toEqual([{ Id: 'fn', Arn: FUNCTION, RetryPolicy: { MaximumRetryAttempts: 3 } }]);
    expect(refused).toMatchObject({ name: 'ValidationException', message: "Rule can't be deleted since it has targets." });
    expect(gone).toBeInstanceOf(ResourceNotFoundException);
  });

  it('raises InvalidEventPatternException with EventBridge\'s wording', async () => {
    const error = (await client.send(new PutRuleCommand({ Name: 'bad', EventPattern: '{"source": "shop.orders"}' })).catch((e: unknown) => e)) as Error;

    expect(error).toBeInstanceOf(InvalidEventPatternException);
    expect(error.message).toBe(
      'Event pattern is not valid. Reason: "source" must be an object or an array\n at [Source: (String)"{"source": "shop.orders"}"; line: 1, column: 13]',
    );
  });

  it('tests a pattern against an event', async () => {
    const matching = await client.send(new TestEventPatternCommand({ EventPattern: '{"detail": {"total": {"amount": [{"numeric": [">", 0]}]}}}', Event: JSON.stringify(EVENT) }));
    const notMatching = await client.send(new TestEventPatternCommand({ EventPattern: '{"source": ["shop.products"]}', Event: JSON.stringify(EVENT) }));

    expect(matching.Result).toBe(true);
    expect(notMatching.Result).toBe(false);
  });

  it('refuses to test an event that lacks a mandatory field', async () => {
    const { resources: _resources, ...withoutResources } = EVENT;

    const error = await client.send(new TestEventPatternCommand({ EventPattern: '{"source": ["a"]}', Event: JSON.stringify(withoutResources) })).catch((e: Error) => e);

    expect(error).toMatchObject({ name: 'ValidationException', message: 'Parameter Event is not valid.' });
  });

  it('creates, describes and lists buses, with the default bus always there', async () => {
    const created = await client.send(new CreateEventBusCommand({ Name: 'shop' }));
    const again = await client.send(new CreateEventBusCommand({ Name: 'shop' })).catch((e: Error) => e);

    const described = await client.send(new DescribeEventBusCommand({ Name: 'shop' }));
    const listed = await client.send(new ListEventBusesCommand({}));

    expect(created.EventBusArn).toBe(`arn:aws:events:${REGION}:${ACCOUNT}:event-bus/shop`);
    expect(again).toBeInstanceOf(ResourceAlreadyExistsException);
    expect(described.CreationTime).toBeInstanceOf(Date);
    expect(listed.EventBuses?.map((bus) => bus.Name)).toEqual(['default', 'shop']);
  });

  it('archives events and replays them', async () => {
    const busArn = `arn:aws:events:${REGION}:${ACCOUNT}:event-bus/default`;
    const { ArchiveArn } = await client.send(new CreateArchiveCommand({ ArchiveName: 'all', EventSourceArn: busArn }));
    await client.send(new PutEventsCommand({ Entries: [{ Source: 'shop.orders', DetailType: 'x', Detail: '{}' }] }));
    await client.send(new PutRuleCommand({ Name: 'replayed', EventPattern: '{"replay-name": [{"exists": true}]}' }));
    await client.send(new PutTargetsCommand({ Rule: 'replayed', Targets: [{ Id: 'fn', Arn: FUNCTION }] }));

    await client.send(new StartReplayCommand({
      ReplayName: 'again', EventSourceArn: ArchiveArn, Destination: { Arn: busArn },
      EventStartTime: new Date(Date.now() - 60_000), EventEndTime: new Date(Date.now() + 60_000),
    }));
    await service.engine.settled();
    const replay = await client.send(new DescribeReplayCommand({ ReplayName: 'again' }));
    const archives = await client.send(new ListArchivesCommand({}));

    expect(lambda.asyncInvocations.map(({ payload }) => payload)).toEqual([expect.objectContaining({ 'replay-name': 'again' })]);
    expect(replay.State).toBe('COMPLETED');
    expect(archives.Archives).toEqual([expect.objectContaining({ ArchiveName: 'all', EventCount: 1, State: 'ENABLED' })]);
  });
});
