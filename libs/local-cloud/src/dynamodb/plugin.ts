import { join } from 'node:path';
import type { ResolvedResource, ServiceContext, ServicePlugin } from '../core/contracts';
import { startDynamoDbService, type DynamoDbService } from './service';
import { TABLE_RESOURCE_TYPES, type TableResourceType } from './template/table-resource';

/** Tuning of the local DynamoDB service. */
export interface DynamoDbPluginOptions {
  /** How often expired TTL items are deleted. Default 1000 ms. */
  readonly ttlSweepIntervalMs?: number;
}

const EVENT_SOURCE_MAPPING = 'AWS::Lambda::EventSourceMapping';

/** Tables, and the event source mappings whose source is a table stream (others belong to their source). */
export const DYNAMODB_RESOURCE_TYPES = [...TABLE_RESOURCE_TYPES, EVENT_SOURCE_MAPPING] as const;

const STREAM_ARN = /^arn:aws[a-z-]*:dynamodb:[^:]+:[^:]+:table\/[^/]+\/stream\/.+$/;

const isTable = (resource: ResolvedResource): boolean => (TABLE_RESOURCE_TYPES as readonly string[]).includes(resource.type);

/**
 * The DynamoDB plug-in: creates the templates' tables (with the stream ARNs the templates resolved), serves
 * DynamoDB and DynamoDB Streams (signing name `dynamodb`) and polls table streams for their event source
 * mappings, invoking functions through the `lambda` port. Tables live under the instance's `dataDir`.
 *
 * @example
 * const cloud = await LocalCloud.start({ assembly: 'cdk.out', plugins: [lambdaPlugin(), dynamoDbPlugin({ ttlSweepIntervalMs: 200 })] });
 */
export function dynamoDbPlugin(options: DynamoDbPluginOptions = {}): ServicePlugin {
  return {
    name: 'dynamodb',
    resourceTypes: DYNAMODB_RESOURCE_TYPES,
    owns: (resource) => resource.type !== EVENT_SOURCE_MAPPING || STREAM_ARN.test(String(resource.properties.EventSourceArn ?? '')),
    async start(ctx) {
      const service = await startDynamoDbService({
        dataDir: join(ctx.dataDir, 'dynamodb'),
        region: ctx.region,
        accountId: ctx.accountId,
        ...options,
      });
      try {
        await loadResources(service, ctx);
      } catch (err) {
        await service.close();
        throw err;
      }
      return { endpoints: [service.endpoint], stop: () => service.close() };
    },
  };
}

/** Tables first: a mapping needs its stream to exist. */
async function loadResources(service: DynamoDbService, ctx: ServiceContext): Promise<void> {
  for (const table of ctx.resources.filter(isTable)) {
    const streamArn = table.attributes.StreamArn;
    await service.loadTable(table.type as TableResourceType, table.physicalName, table.properties, streamArn ? { streamArn } : {});
  }
  const logger = ctx.logger;
  for (const mapping of ctx.resources.filter((r) => r.type === EVENT_SOURCE_MAPPING)) {
    service.startEventSourceMapping(mapping.properties, {
      lambda: ctx.ports.lambda,
      queues: ctx.ports.sqs,
      onError: (error) => logger.warn('stream event source mapping failed', { mapping: mapping.logicalId, error: String(error) }),
    });
  }
}
