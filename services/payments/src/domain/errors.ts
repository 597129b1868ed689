import { DomainError } from '@shop/lambda-kit/errors';

/** No authorization has this id. */
export class AuthorizationNotFoundError extends DomainError {
  constructor(id: string, options?: ErrorOptions) {
    super('PAYMENT.NOT_FOUND', `No authorization ${id}`, options);
  }
}

/** The action is not allowed from the authorization's current status (capture twice, void a capture…). */
export class InvalidStateError extends DomainError {
  constructor(
    readonly authorizationId: string,
    readonly status: string,
    readonly action: string,
    options?: ErrorOptions,
  ) {
    super('PAYMENT.INVALID_STATE', `Cannot ${action} authorization ${authorizationId}: it is ${status}`, options);
  }
}

/** The amount of a capture or refund is more than is left, or in another currency. */
export class AmountNotAllowedError extends DomainError {
  constructor(message: string, options?: ErrorOptions) {
    super('PAYMENT.AMOUNT_NOT_ALLOWED', message, options);
  }
}

/** Someone else changed the authorization between our read and our write. */
export class ConcurrentUpdateError extends DomainError {
  constructor(id: string, options?: ErrorOptions) {
    super('PAYMENT.CONCURRENT_UPDATE', `Authorization ${id} changed while this request ran; retry it`, options);
  }
}

/** The simulated processor failed before deciding (the transient test card); a retry may succeed. */
export class ProcessorUnavailableError extends DomainError {
  constructor(options?: ErrorOptions) {
    super(
      'PAYMENT.TEMPORARILY_UNAVAILABLE',
      'The card processor is temporarily unavailable; retry with the same Idempotency-Key',
      options,
    );
  }
}

/** The simulated processor never answered in time (the timeout test card); nothing was authorized. */
export class ProcessorTimeoutError extends DomainError {
  constructor(options?: ErrorOptions) {
    super('PAYMENT.PROCESSOR_TIMEOUT', 'The card processor did not answer in time; nothing was authorized', options);
  }
}

/** The request has no `x-api-key` header, or the wrong one. */
export class UnauthenticatedError extends DomainError {
  constructor(options?: ErrorOptions) {
    super('PAYMENT.UNAUTHENTICATED', 'A valid x-api-key header is required', options);
  }
}

/** A POST without an `Idempotency-Key` header. */
export class IdempotencyKeyRequiredError extends DomainError {
  constructor(options?: ErrorOptions) {
    super(
      'PAYMENT.IDEMPOTENCY_KEY_REQUIRED',
      'Every POST needs an Idempotency-Key header of 1 to 255 visible ASCII characters',
      options,
    );
  }
}

/** The key was used before with a different request: a client bug, never replayed. */
export class IdempotencyKeyReusedError extends DomainError {
  constructor(options?: ErrorOptions) {
    super(
      'PAYMENT.IDEMPOTENCY_KEY_REUSED',
      'This Idempotency-Key was used with a different request; use a new key for a new request',
      options,
    );
  }
}

/** A request with the same key is still running; retry once it has finished. */
export class IdempotencyKeyInUseError extends DomainError {
  constructor(options?: ErrorOptions) {
    super(
      'PAYMENT.IDEMPOTENCY_KEY_IN_USE',
      'A request with this Idempotency-Key is still in progress; retry shortly',
      options,
    );
  }
}

/** No token has this id, or it has expired: the card must be tokenized again. */
export class TokenNotFoundError extends DomainError {
  constructor(id: string, options?: ErrorOptions) {
    super('PAYMENT.NOT_FOUND', `No token ${id} (unknown or expired)`, options);
  }
}

/** Another authorization request (another Idempotency-Key) has spent this token: tokens are single-use. */
export class TokenUsedError extends DomainError {
  constructor(id: string, options?: ErrorOptions) {
    super(
      'PAYMENT.TOKEN_USED',
      `Token ${id} was used by another authorization request; tokenize the card again`,
      options,
    );
  }
}
