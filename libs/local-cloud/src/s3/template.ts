import type { Json, Logger, ResolvedResource } from '../core/contracts';

type Resource = Pick<ResolvedResource, 'stackName' | 'logicalId' | 'type' | 'physicalName' | 'properties'>;

/** What the S3 plug-in does with one resolved resource. */
export interface BucketSetup {
  /** The bucket to create. */
  readonly bucket?: string;
  /** A bucket whose object events go to EventBridge. */
  readonly eventBridgeBucket?: string;
}

/**
 * Reads what to set up from an AWS::S3::Bucket (its name, NotificationConfiguration) or the
 * Custom::S3BucketNotifications resource CDK emits for `eventBridgeEnabled` and `addEventNotification`.
 * Lambda, SQS and SNS notification targets are reported, not delivered.
 *
 * @example
 * bucketSetupOf({ type: 'AWS::S3::Bucket', physicalName: 'shop-invoices', properties: {}, ... }, logger);
 * // { bucket: 'shop-invoices' }
 */
export function bucketSetupOf(resource: Resource, logger: Logger): BucketSetup {
  const notifications = objectOf(resource.properties.NotificationConfiguration);
  const bucket = resource.type === 'AWS::S3::Bucket' ? resource.physicalName : String(resource.properties.BucketName ?? '');
  for (const target of ['LambdaConfigurations', 'QueueConfigurations', 'TopicConfigurations']) {
    if (notifications?.[target] !== undefined) {
      logger.warn('S3 notification target not emulated: only EventBridge notifications are delivered', { bucket, target, resource: `${resource.stackName}/${resource.logicalId}` });
    }
  }
  const eventBridge = objectOf(notifications?.EventBridgeConfiguration);
  const enabled = eventBridge !== undefined && eventBridge.EventBridgeEnabled !== false && eventBridge.EventBridgeEnabled !== 'false';
  return {
    ...(resource.type === 'AWS::S3::Bucket' && { bucket }),
    ...(enabled && bucket !== '' && { eventBridgeBucket: bucket }),
  };
}

function objectOf(value: Json | undefined): { [key: string]: Json } | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : undefined;
}
