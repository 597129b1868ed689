import type { EventSender, Logger, ServiceEndpoint, ServicePlugin } from '../core/contracts';
import { LOCAL_CREDENTIALS } from '../core/endpoint-env';
import { silentLogger } from '../core/logger';
import { makeS3Endpoint } from './api/endpoint';
import { ObjectEngine } from './engine/object-engine';
import { ObjectEventNotifier } from './notifications/object-events';
import { bucketSetupOf } from './template';

export interface S3ServiceOptions {
  readonly region?: string;
  readonly accountId?: string;
  /**
   * Secret access keys by access key id that presigned URLs may be signed with; default: the local cloud's
   * own credentials (LOCAL_CREDENTIALS), which it hands every client.
   */
  readonly credentials?: Readonly<Record<string, string>>;
  /** Where S3 sends object events for buckets with EventBridge notifications. */
  readonly events?: EventSender;
  readonly logger?: Logger;
  /** The time presigned URLs are checked against; default the system clock. */
  readonly clock?: () => Date;
}

export interface S3Service {
  /** Serves the S3 REST API (signing name 's3'). */
  readonly endpoint: ServiceEndpoint;
  createBucket(name: string): Promise<void>;
  /** Sends the bucket's object events to EventBridge's default bus (needs `events`). */
  enableEventBridge(bucket: string): void;
  close(): Promise<void>;
}

/**
 * Starts the local S3: fauxqs' object storage in-process behind an endpoint that speaks S3's REST API.
 *
 * @example
 * const s3 = await startS3Service({ region: 'us-east-1' });
 * await s3.createBucket('shop-invoices');
 * gateway.register(s3.endpoint);
 */
export async function startS3Service(options: S3ServiceOptions = {}): Promise<S3Service> {
  const region = options.region ?? 'us-east-1';
  const logger = options.logger ?? silentLogger;
  const engine = await ObjectEngine.start();
  const credentials = new Map(Object.entries(options.credentials ?? { [LOCAL_CREDENTIALS.AWS_ACCESS_KEY_ID]: LOCAL_CREDENTIALS.AWS_SECRET_ACCESS_KEY }));
  const notifier = options.events
    ? new ObjectEventNotifier({ events: options.events, engine, region, accountId: options.accountId ?? '000000000000', logger })
    : undefined;
  return {
    endpoint: makeS3Endpoint({ engine, credentials, region, logger, clock: options.clock ?? (() => new Date()), ...(notifier && { notifier }) }),
    createBucket: (name) => engine.createBucket(name),
    enableEventBridge(bucket) {
      if (!notifier) throw new Error('S3 was started without an EventSender: pass `events` to send notifications');
      notifier.enable(bucket);
    },
    close: () => engine.close(),
  };
}

/**
 * The S3 plug-in: creates every `AWS::S3::Bucket`, turns on EventBridge notifications where the template
 * asks (NotificationConfiguration, or CDK's Custom::S3BucketNotifications), serves the S3 API.
 *
 * @example
 * const plugins = [...defaultPlugins(), s3Service()];
 */
export function s3Service(options: Pick<S3ServiceOptions, 'credentials'> = {}): ServicePlugin {
  return {
    name: 's3',
    resourceTypes: ['AWS::S3::Bucket', 'Custom::S3BucketNotifications'],
    start: async (ctx) => {
      const s3 = await startS3Service({ ...options, region: ctx.region, accountId: ctx.accountId, events: ctx.ports.events, logger: ctx.logger });
      const setups = ctx.resources.map((resource) => bucketSetupOf(resource, ctx.logger));
      for (const { bucket } of setups) if (bucket) await s3.createBucket(bucket);
      for (const { eventBridgeBucket } of setups) if (eventBridgeBucket) s3.enableEventBridge(eventBridgeBucket);
      return { endpoints: [s3.endpoint], stop: () => s3.close() };
    },
  };
}
