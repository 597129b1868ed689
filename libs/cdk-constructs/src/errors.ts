/** Stable codes of the errors this library throws while a stack is being defined (before synthesis). */
export const PavedPathErrorCode = {
  invalidEventSource: 'CDK.INVALID_EVENT_SOURCE',
  untaggableGrantee: 'CDK.UNTAGGABLE_GRANTEE',
  conflictingServiceTag: 'CDK.CONFLICTING_SERVICE_TAG',
  visibilityTimeoutTooLong: 'CDK.VISIBILITY_TIMEOUT_TOO_LONG',
} as const;

export type PavedPathErrorCode = (typeof PavedPathErrorCode)[keyof typeof PavedPathErrorCode];

/** An event source that is not `shop.<service>`. */
export class InvalidEventSourceError extends Error {
  override readonly name = 'InvalidEventSourceError';
  readonly code = PavedPathErrorCode.invalidEventSource;

  constructor(
    readonly source: string,
    options?: ErrorOptions,
  ) {
    super(`Event source "${source}" is not of the form "shop.<service>" (lower case, digits and dashes)`, options);
  }
}

/** A grantee whose role this app does not own, so the service tag the bus policy checks cannot be set. */
export class UntaggableGranteeError extends Error {
  override readonly name = 'UntaggableGranteeError';
  readonly code = PavedPathErrorCode.untaggableGrantee;

  constructor(
    readonly principal: string,
    options?: ErrorOptions,
  ) {
    super(
      `Cannot tag ${principal}: grantPutEventsForSource needs a role defined in this app (an imported role cannot be tagged)`,
      options,
    );
  }
}

/** A role granted the sources of two services: the bus policy allows a role one service only. */
export class ConflictingServiceTagError extends Error {
  override readonly name = 'ConflictingServiceTagError';
  readonly code = PavedPathErrorCode.conflictingServiceTag;

  constructor(
    readonly rolePath: string,
    readonly existing: string,
    readonly requested: string,
    options?: ErrorOptions,
  ) {
    super(`Role ${rolePath} already publishes as "${existing}" and cannot also publish as "${requested}"`, options);
  }
}

/** A consumer timeout so long that the derived visibility timeout exceeds what SQS accepts (12 hours). */
export class VisibilityTimeoutTooLongError extends Error {
  override readonly name = 'VisibilityTimeoutTooLongError';
  readonly code = PavedPathErrorCode.visibilityTimeoutTooLong;

  constructor(
    readonly seconds: number,
    options?: ErrorOptions,
  ) {
    super(`Derived visibility timeout ${seconds}s exceeds the SQS maximum of 43200s (12 hours)`, options);
  }
}
