// This file imports nothing, so services/*/src/domain can extend DomainError (through the
// `@shop/lambda-kit/errors` entry point) and stay free of middy, Powertools and the AWS SDK.

/**
 * Base class of the errors a bounded context throws on purpose: a rule was broken, a thing is missing.
 * `code` is stable (clients, alarms and `httpErrors` branch on it); `message` is for people.
 *
 * @example
 * export class OrderAlreadyExistsError extends DomainError {
 *   constructor(orderId: string, options?: ErrorOptions) {
 *     super('ORDER.ALREADY_EXISTS', `Order ${orderId} already exists`, options);
 *   }
 * }
 * throw new OrderAlreadyExistsError(order.id, { cause: err });
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    // `new.target.name` so each subclass reports its own name without repeating it.
    this.name = new.target.name;
  }
}

/** One invalid field of a request or an event: `path` like `body.lines[0].quantity`, and why. */
export type FieldError = {
  readonly path: string;
  readonly message: string;
};

/**
 * `['body', 'lines', 0, 'sku']` → `body.lines[0].sku` (the same notation as `@shop/events`).
 *
 * @example
 * formatPath(['body', 'lines', 0, 'sku']); // 'body.lines[0].sku'
 */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, segment) => {
    if (typeof segment === 'number') return `${text}[${segment}]`;
    const key = String(segment);
    return text === '' ? key : `${text}.${key}`;
  }, '');
}
