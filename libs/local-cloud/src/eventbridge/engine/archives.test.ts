import { beforeEach, describe, expect, it } from 'vitest';
import { ResourceAlreadyExistsError, ValidationError } from '../errors';
import { EventBridgeEngine } from './engine';
import { RecordingQueues } from './recording-ports';

const REGION = 'eu-west-1';
const ACCOUNT = '123456789012';
const QUEUE = `arn:aws:sqs:${REGION}:${ACCOUNT}:audit`;
const order = (id: string) => ({ Source: 'shop.orders', DetailType: 'Order.OrderConfirmed', Detail: JSON.stringify({ id }) });

let now: Date;
let queues: RecordingQueues;
let engine: EventBridgeEngine;
let busArn: string;

beforeEach(() => {
  now = new Date('2024-05-01T10:00:00Z');
  queues = new RecordingQueues();
  engine = new EventBridgeEngine({ region: REGION, accountId: ACCOUNT, ports: { sqs: queues }, clock: () => now });
  busArn = engine.buses.createBus('shop').arn;
  engine.buses.putRule({ name: 'audit', eventBusName: 'shop', eventPattern: '{"source": ["shop.orders"]}' });
  engine.buses.putTargets('shop', 'audit', [{ Id: 'q', Arn: QUEUE }]);
});

function putAt(iso: string, id: string): void {
  now = new Date(iso);
  engine.putEvents([{ ...order(id), EventBusName: 'shop' }]);
}

describe('archives and replays', () => {
  it('archives the events of its bus that match its pattern', () => {
    engine.archives.create({ name: 'confirmed', eventSourceArn: busArn, eventPattern: '{"detail": {"id": [{"prefix": "keep"}]}}' });

    putAt('2024-05-01T10:00:00Z', 'keep-1');
    putAt('2024-05-01T10:01:00Z', 'skip-1');
    engine.putEvents([order('other-bus')]);

    expect(engine.archives.archive('confirmed').events.map(({ event }) => event.detail)).toEqual([{ id: 'keep-1' }]);
  });

  it('replays the events received in the window to the bus\'s rules, marked with the replay name', async () => {
    const archive = engine.archives.create({ name: 'all', eventSourceArn: busArn });
    putAt('2024-05-01T09:00:00Z', 'before');
    putAt('2024-05-01T10:00:00Z', 'inside');
    putAt('2024-05-01T11:00:00Z', 'after');
    await engine.settled();
    queues.messages.length = 0;

    const replay = engine.startReplay({
      name: 'retry-inside',
      eventSourceArn: archive.arn,
      eventStartTime: new Date('2024-05-01T09:30:00Z'),
      eventEndTime: new Date('2024-05-01T10:30:00Z'),
      destination: { Arn: busArn },
    });
    await engine.settled();

    expect(queues.bodiesOf(QUEUE)).toEqual([expect.objectContaining({ detail: { id: 'inside' }, 'replay-name': 'retry-inside' })]);
    expect(engine.archives.replay(replay.name)).toMatchObject({ state: 'COMPLETED', eventLastReplayedTime: new Date('2024-05-01T10:00:00Z') });
    expect(engine.archives.archive('all').events).toHaveLength(3);
  });

  it('replays only to the rules named in FilterArns', async () => {
    const archive = engine.archives.create({ name: 'all', eventSourceArn: busArn });
    engine.buses.putRule({ name: 'other', eventBusName: 'shop', eventPattern: '{"source": ["shop.orders"]}' });
    engine.buses.putTargets('shop', 'other', [{ Id: 'q', Arn: `${QUEUE}-other` }]);
    putAt('2024-05-01T10:00:00Z', 'one');
    await engine.settled();
    queues.messages.length = 0;

    engine.startReplay({
      name: 'only-other',
      eventSourceArn: archive.arn,
      eventStartTime: new Date('2024-05-01T00:00:00Z'),
      eventEndTime: new Date('2024-05-02T00:00:00Z'),
      destination: { Arn: busArn, FilterArns: [engine.buses.rule('shop', 'other').arn] },
    });
    await engine.settled();

    expect(queues.messages.map((m) => m.queueArn)).toEqual([`${QUEUE}-other`]);
  });

  it('refuses a replay whose window ends before it starts', () => {
    const archive = engine.archives.create({ name: 'all', eventSourceArn: busArn });

    const start = () =>
      engine.startReplay({ name: 'r', eventSourceArn: archive.arn, eventStartTime: now, eventEndTime: now, destination: { Arn: busArn } });

    expect(start).toThrow(ValidationError);
  });

  it('refuses a replay to another bus', () => {
    const archive = engine.archives.create({ name: 'all', eventSourceArn: busArn });

    const start = () =>
      engine.startReplay({
        name: 'r',
        eventSourceArn: archive.arn,
        eventStartTime: new Date(0),
        eventEndTime: now,
        destination: { Arn: engine.buses.bus('default').arn },
      });

    expect(start).toThrow('Cross event bus replay is not permitted.');
  });

  it('refuses a second archive of the same name', () => {
    engine.archives.create({ name: 'all', eventSourceArn: busArn });

    const create = () => engine.archives.create({ name: 'all', eventSourceArn: busArn });

    expect(create).toThrow(ResourceAlreadyExistsError);
  });
});
