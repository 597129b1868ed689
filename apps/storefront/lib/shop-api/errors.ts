/**
 * A refusal or failure of a backend API, with the API's stable `code` (`ORDERS.CART_EXPIRED`,
 * `PAYMENT.CARD_DECLINED`, `AUTH.NotAuthorizedException`...) so pages and actions branch on it.
 */
export class ShopApiError extends Error {
  override readonly name = 'ShopApiError';

  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    options?: { cause?: unknown; fields?: readonly string[] },
  ) {
    super(message, options);
    this.fields = options?.fields ?? [];
  }

  readonly fields: readonly string[];

  /** Whether the API said "not found" (any service's NOT_FOUND code, or a 404). */
  get notFound(): boolean {
    return this.status === 404;
  }
}

/** Codes the facade raises itself, when no backend code applies. */
export const FACADE_CODES = {
  unreachable: 'STOREFRONT.BACKEND_UNREACHABLE',
  badResponse: 'STOREFRONT.BAD_RESPONSE',
  signedOut: 'STOREFRONT.SIGNED_OUT',
} as const;

/** Whether `error` is a ShopApiError with one of `codes`. */
export function hasCode(error: unknown, ...codes: string[]): error is ShopApiError {
  return error instanceof ShopApiError && codes.includes(error.code);
}
