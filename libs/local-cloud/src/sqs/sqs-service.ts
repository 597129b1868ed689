import { randomUUID } from 'node:crypto';
import type { LambdaInvoker, QueueSender, SendMessageOptions, ServiceEndpoint } from '../core/contracts';
import { InvalidEventSourceMappingError, InvalidQueuePropertiesError, QueueNotFoundError } from './errors';
import { toSqsEventSourceMapping } from './event-source-mapping';
import { FauxqsEngine, accountOf } from './fauxqs-engine';
import { dropExpiredMessages } from './message-retention';
import { checkRedriveTarget } from './redrive-rules';
import { toQueueDefinition } from './queue-properties';
import { makeSqsApi } from './sqs-api';
import { makeSqsEndpoint } from './sqs-endpoint';
import { SqsPoller, type PollerLogger } from './sqs-poller';

export interface SqsServiceOptions {
  /** The gateway's origin (`http://127.0.0.1:4566`): template queues' URLs start with it, as SDKs expect. */
  baseUrl: string;
  /** Where pollers report malformed batch responses and queues that went away. Defaults to console.warn. */
  logger?: PollerLogger;
}

/** A resolved AWS::SQS::Queue: the ARN the template gave it and its properties after intrinsic resolution. */
export interface QueueResource {
  arn: string;
  properties: Record<string, unknown>;
}

/** A resolved AWS::Lambda::EventSourceMapping, named by its logical ID or UUID. */
export interface EventSourceMappingResource {
  id: string;
  properties: Record<string, unknown>;
}

const RETENTION_SWEEP_MS = 5_000;

/**
 * @example queueUrlOf('http://127.0.0.1:4566', 'arn:aws:sqs:eu-west-2:000000000000:jobs')
 * // 'http://127.0.0.1:4566/000000000000/jobs'
 */
export const queueUrlOf = (baseUrl: string, queueArn: string): string =>
  `${baseUrl.replace(/\/$/, '')}/${accountOf(queueArn) ?? ''}/${queueArn.split(':')[5] ?? ''}`;

/**
 * Amazon SQS on one machine: fauxqs embedded in-process behind the AWS wire protocols, the queues of the
 * synthesized templates, and Lambda's pollers for their event source mappings.
 * @example
 * const sqs = await SqsService.start({ baseUrl: 'http://127.0.0.1:4566' });
 * const { queueUrl } = sqs.loadQueue({ arn: queueArn, properties: { VisibilityTimeout: 30 } });
 * sqs.loadEventSourceMapping({ id: 'JobsMapping', properties: { EventSourceArn: queueArn, FunctionName: fnArn } }, lambda);
 * await sqs.close();
 */
export class SqsService implements QueueSender {
  readonly endpoint: ServiceEndpoint;
  private readonly pollers = new Map<string, SqsPoller>();
  private readonly retentionSweep: NodeJS.Timeout;

  private constructor(
    private readonly engine: FauxqsEngine,
    private readonly options: SqsServiceOptions,
  ) {
    this.endpoint = makeSqsEndpoint(makeSqsApi(engine));
    this.retentionSweep = setInterval(() => dropExpiredMessages(engine.queues(), Date.now()), RETENTION_SWEEP_MS);
    this.retentionSweep.unref();
  }

  static async start(options: SqsServiceOptions): Promise<SqsService> {
    return new SqsService(await FauxqsEngine.start(), options);
  }

  /** Creates a queue of the template (its DLQ first, as CloudFormation orders them); returns its URL. */
  loadQueue(resource: QueueResource): { queueUrl: string; queueArn: string } {
    const definition = toQueueDefinition(resource.arn, resource.properties);
    checkRedriveTarget(resource.arn, definition.attributes, (arn) => this.engine.queueByArn(arn));
    if (this.engine.queueByArn(resource.arn))
      throw new InvalidQueuePropertiesError(resource.arn, 'the queue is already loaded');
    const url = queueUrlOf(this.options.baseUrl, resource.arn);
    this.engine.store.createQueue(definition.name, url, resource.arn, definition.attributes, definition.tags);
    return { queueUrl: url, queueArn: resource.arn };
  }

  /** Stores an AWS::SQS::QueuePolicy's (or QueueInlinePolicy's) document as its queues' Policy; not enforced. */
  loadQueuePolicy(properties: Record<string, unknown>): void {
    const urls = Array.isArray(properties['Queues']) ? properties['Queues'] : [properties['Queue']];
    const policy = properties['PolicyDocument'];
    const document = typeof policy === 'string' ? policy : JSON.stringify(policy);
    for (const url of urls) {
      const queue = typeof url === 'string' ? this.engine.queueByUrl(url) : undefined;
      if (!queue) throw new InvalidQueuePropertiesError(String(url), 'a queue policy names a queue that is not loaded');
      queue.setAttributes({ Policy: document });
    }
  }

  /** Starts Lambda's poller for an event source mapping on a loaded queue (unless `Enabled: false`). */
  loadEventSourceMapping(resource: EventSourceMappingResource, invoker: LambdaInvoker): void {
    const mapping = toSqsEventSourceMapping(resource.id, resource.properties);
    if (this.pollers.has(mapping.id))
      throw new InvalidEventSourceMappingError(mapping.id, 'the mapping is already loaded');
    const queue = this.engine.queueByArn(mapping.queueArn);
    if (!queue) throw new QueueNotFoundError(mapping.queueArn);
    const logger = this.options.logger ?? { warn: (message, details) => console.warn(message, details) };
    const poller = new SqsPoller(mapping, queue.url, { engine: this.engine, invoker, logger });
    this.pollers.set(mapping.id, poller);
    poller.start();
  }

  /** {@link QueueSender} for other services' targets; FIFO messages without content-based dedup get a fresh ID. */
  async sendMessage(queueArn: string, body: string, options: SendMessageOptions = {}): Promise<void> {
    const queue = this.engine.queueByArn(queueArn);
    if (!queue) throw new QueueNotFoundError(queueArn);
    const input: Record<string, unknown> = { QueueUrl: queue.url, MessageBody: body };
    if (queue.isFifo()) {
      input['MessageGroupId'] = options.messageGroupId;
      if (queue.attributes['ContentBasedDeduplication'] !== 'true') input['MessageDeduplicationId'] = randomUUID();
    } else if (options.delaySeconds !== undefined) {
      input['DelaySeconds'] = options.delaySeconds;
    }
    const attributes = Object.entries(options.messageAttributes ?? {});
    if (attributes.length > 0) input['MessageAttributes'] = Object.fromEntries(attributes.map(([name, value]) => [name, { DataType: 'String', StringValue: value }]));
    await this.engine.call('SendMessage', input);
  }

  /** Stops every poller (in-flight batches finish) and the engine. */
  async close(): Promise<void> {
    clearInterval(this.retentionSweep);
    const stopped = Promise.all([...this.pollers.values()].map((poller) => poller.stop()));
    this.engine.wakeAllWaiters();
    await stopped;
    this.pollers.clear();
    await this.engine.close();
  }
}
