import { DomainError } from '@shop/lambda-kit/errors';

/** The error codes the invoices API answers with, and their HTTP status. */
export const INVOICE_ERROR_STATUS = {
  'INVOICES.NOT_FOUND': 404,
} as const;

/**
 * No invoice the caller may see: none yet, none at all, or another customer's. One code and one message for
 * all three, so the answer reveals nothing about other customers' orders.
 */
export class InvoiceNotFoundError extends DomainError {
  constructor(orderId: string, options?: ErrorOptions) {
    super(
      'INVOICES.NOT_FOUND',
      `No invoice for order ${orderId}. If the order was confirmed just now, it may still be on its way.`,
      options,
    );
  }
}

/**
 * The order's figures do not add up (a line's subtotal, tax or total, or the order's totals). Retrying cannot
 * fix an event, and an invoice must never print wrong sums: the message is poison and goes to the DLQ.
 */
export class FiguresDoNotAddUpError extends DomainError {
  readonly retryable = false;

  constructor(
    readonly orderId: string,
    readonly problems: readonly string[],
    options?: ErrorOptions,
  ) {
    super('INVOICES.FIGURES_DO_NOT_ADD_UP', `Order ${orderId}: ${problems.join('; ')}`, options);
  }
}

/** Still losing the race for the next number after every attempt: the record fails and SQS retries it later. */
export class NumberContendedError extends DomainError {
  constructor(series: string, attempts: number, options?: ErrorOptions) {
    super('INVOICES.NUMBER_CONTENDED', `Could not allocate a ${series} number in ${attempts} attempts`, options);
  }
}

/** A cancellation for an order whose invoice is numbered but not issued yet: retried once the invoice is. */
export class InvoiceNotIssuedYetError extends DomainError {
  constructor(orderId: string, options?: ErrorOptions) {
    super('INVOICES.INVOICE_NOT_ISSUED', `The invoice of order ${orderId} is not issued yet`, options);
  }
}

/** Whether an error can never succeed on retry (so its message belongs in the DLQ at once). */
export const isPoison = (error: unknown): boolean => (error as { retryable?: unknown } | null)?.retryable === false;
