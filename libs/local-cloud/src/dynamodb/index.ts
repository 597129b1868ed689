export { startDynamoDbService, type DynamoDbService, type DynamoDbServiceOptions } from './service';
export { TABLE_RESOURCE_TYPES, tableDefinitionFrom, type TableResourceType } from './template/table-resource';
export type { LoadTableOptions, TableAttributes } from './template/table-loader';
export type { EventSourceMappingDeps, StreamEventSourceMapping } from './streams/event-source-mapping';
export type { StreamMappingConfig } from './streams/event-source-mapping-config';
export type { StreamRecord } from './streams/stream-store';
export {
  DynamoDbApiError,
  DynaliteUnavailableError,
  InvalidEventSourceMappingError,
  InvalidTableResourceError,
} from './errors';
