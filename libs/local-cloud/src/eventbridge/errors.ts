/**
 * Errors the EventBridge emulation raises. Each carries the AWS error code (`awsCode`, sent as `__type`
 * so the SDK raises the same exception class as against AWS) apart from our own stable `code`.
 */
export abstract class EventBridgeError extends Error {
  abstract readonly code: string;
  abstract readonly awsCode: string;
  readonly httpStatus: number = 400;
}

/** The event pattern is not valid JSON or not valid pattern grammar. */
export class InvalidEventPatternError extends EventBridgeError {
  override readonly name = 'InvalidEventPatternError';
  readonly code = 'EVENTBRIDGE.INVALID_EVENT_PATTERN';
  readonly awsCode = 'InvalidEventPatternException';

  /** @param reason the grammar problem, as EventBridge words it ("Empty arrays are not allowed"). */
  constructor(
    readonly reason: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export class ValidationError extends EventBridgeError {
  override readonly name = 'ValidationError';
  readonly code = 'EVENTBRIDGE.VALIDATION';
  readonly awsCode = 'ValidationException';
}

export class ResourceNotFoundError extends EventBridgeError {
  override readonly name = 'ResourceNotFoundError';
  readonly code = 'EVENTBRIDGE.RESOURCE_NOT_FOUND';
  readonly awsCode = 'ResourceNotFoundException';
}

export class ResourceAlreadyExistsError extends EventBridgeError {
  override readonly name = 'ResourceAlreadyExistsError';
  readonly code = 'EVENTBRIDGE.RESOURCE_ALREADY_EXISTS';
  readonly awsCode = 'ResourceAlreadyExistsException';
}

/** A replay or archive is not in a state that allows the operation. */
export class IllegalStatusError extends EventBridgeError {
  override readonly name = 'IllegalStatusError';
  readonly code = 'EVENTBRIDGE.ILLEGAL_STATUS';
  readonly awsCode = 'IllegalStatusException';
}

/** The request names an operation this emulation does not serve. */
export class UnknownOperationError extends EventBridgeError {
  override readonly name = 'UnknownOperationError';
  readonly code = 'EVENTBRIDGE.UNKNOWN_OPERATION';
  readonly awsCode = 'UnknownOperationException';
}

/** A failure inside the emulation itself; surfaces as a 500 InternalException. */
export class InternalError extends EventBridgeError {
  override readonly name = 'InternalError';
  readonly code = 'EVENTBRIDGE.INTERNAL';
  readonly awsCode = 'InternalException';
  override readonly httpStatus: number = 500;
}

/** A quota is reached, such as five targets on one rule. */
export class LimitExceededError extends EventBridgeError {
  override readonly name = 'LimitExceededError';
  readonly code = 'EVENTBRIDGE.LIMIT_EXCEEDED';
  readonly awsCode = 'LimitExceededException';
}

/** The request body is not the JSON object the protocol requires. */
export class SerializationError extends EventBridgeError {
  override readonly name = 'SerializationError';
  readonly code = 'EVENTBRIDGE.SERIALIZATION';
  readonly awsCode = 'SerializationException';
}
