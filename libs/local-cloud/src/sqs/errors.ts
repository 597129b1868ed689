/**
 * An SQS API call answered with an AWS error: `awsCode` is the JSON protocol code (`QueueDoesNotExist`),
 * `queryCode` the query protocol one (`AWS.SimpleQueueService.NonExistentQueue`).
 */
export class SqsApiError extends Error {
  override readonly name = 'SqsApiError';
  readonly code = 'SQS.API_ERROR';

  constructor(
    readonly awsCode: string,
    message: string,
    readonly statusCode = 400,
    readonly queryCode = awsCode,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  /** The error as the query protocol reports it, in the `x-amzn-query-error` header. */
  get queryErrorHeader(): string {
    return `${this.queryCode};${this.statusCode < 500 ? 'Sender' : 'Receiver'}`;
  }

  /** The error as the JSON protocol reports it. */
  toJson(): { __type: string; message: string } {
    return { __type: `com.amazonaws.sqs#${this.awsCode}`, message: this.message };
  }
}

/** The AWS error for a queue URL or ARN that names no queue. */
export const queueDoesNotExist = (): SqsApiError =>
  new SqsApiError(
    'QueueDoesNotExist',
    'The specified queue does not exist.',
    400,
    'AWS.SimpleQueueService.NonExistentQueue',
  );

/** A resolved AWS::SQS::Queue (or queue policy) has properties that CloudFormation would reject. */
export class InvalidQueuePropertiesError extends Error {
  override readonly name = 'InvalidQueuePropertiesError';
  readonly code = 'SQS.INVALID_QUEUE_PROPERTIES';

  constructor(
    readonly queueArn: string,
    reason: string,
    options?: { cause?: unknown },
  ) {
    super(`Queue ${queueArn}: ${reason}`, options);
  }
}

/** A resolved AWS::Lambda::EventSourceMapping on an SQS queue has properties Lambda would reject. */
export class InvalidEventSourceMappingError extends Error {
  override readonly name = 'InvalidEventSourceMappingError';
  readonly code = 'SQS.INVALID_EVENT_SOURCE_MAPPING';

  constructor(
    readonly mappingId: string,
    reason: string,
    options?: { cause?: unknown },
  ) {
    super(`Event source mapping ${mappingId}: ${reason}`, options);
  }
}

/** Another service (a rule target, a workflow task) sent to a queue ARN that names no queue. */
export class QueueNotFoundError extends Error {
  override readonly name = 'QueueNotFoundError';
  readonly code = 'SQS.QUEUE_NOT_FOUND';

  constructor(
    readonly queueArn: string,
    options?: { cause?: unknown },
  ) {
    super(`No queue has the ARN ${queueArn}`, options);
  }
}
