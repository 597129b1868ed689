export { SqsService, queueUrlOf } from './sqs-service';
export type { EventSourceMappingResource, QueueResource, SqsServiceOptions } from './sqs-service';
export type { PollerLogger } from './sqs-poller';
export { InvalidEventSourceMappingError, InvalidQueuePropertiesError, QueueNotFoundError, SqsApiError } from './errors';
