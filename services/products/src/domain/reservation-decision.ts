import type { Stock, StockLine } from './inventory';

export const REFUSAL_REASONS = ['UNKNOWN_PRODUCT', 'PRODUCT_DISCONTINUED', 'INSUFFICIENT_STOCK'] as const;
/** Why an order's stock could not be reserved, most serious first (the codes of Inventory.StockReservationFailed). */
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

export type RefusedLine = {
  readonly sku: string;
  readonly productId: string;
  readonly requested: number;
  readonly available: number;
};

/** Reserve every line, or refuse the whole order: no partial reservation. */
export type ReservationDecision =
  | { readonly kind: 'RESERVE'; readonly lines: readonly StockLine[] }
  | {
      readonly kind: 'REFUSE';
      readonly reasonCode: RefusalReason;
      readonly reason: string;
      /** Every line that cannot be reserved, whatever its reason; lines that could are not listed. */
      readonly lines: readonly RefusedLine[];
    };

function problemOf(line: StockLine, stock: Stock | undefined): RefusalReason | undefined {
  // A line whose product id is not the sku's product is an order built from a stale or forged catalog.
  if (stock === undefined || stock.productId !== line.productId) return 'UNKNOWN_PRODUCT';
  if (stock.productStatus !== 'ACTIVE') return 'PRODUCT_DISCONTINUED';
  if (stock.available < line.quantity) return 'INSUFFICIENT_STOCK';
  return undefined;
}

function describe(reasonCode: RefusalReason, line: RefusedLine): string {
  if (reasonCode === 'UNKNOWN_PRODUCT') return `${line.sku} is not a product in the catalog.`;
  if (reasonCode === 'PRODUCT_DISCONTINUED') return `${line.sku} is discontinued.`;
  return `Only ${line.available} of ${line.sku} is available; the order asked for ${line.requested}.`;
}

/**
 * Decides an order's reservation from the current stock of its skus (lines already merged by sku).
 *
 * @example
 * decideReservation([{ sku: 'MUG', productId: 'prod_1', quantity: 3 }], new Map([['MUG', stockWith(1)]]));
 * // { kind: 'REFUSE', reasonCode: 'INSUFFICIENT_STOCK', lines: [{ sku: 'MUG', requested: 3, available: 1, … }] }
 */
export function decideReservation(
  lines: readonly StockLine[],
  stockBySku: ReadonlyMap<string, Stock>,
): ReservationDecision {
  const problems = lines.flatMap((line) => {
    const stock = stockBySku.get(line.sku);
    const reason = problemOf(line, stock);
    if (reason === undefined) return [];
    const available = reason === 'UNKNOWN_PRODUCT' ? 0 : Math.max(0, stock?.available ?? 0);
    return [{ reason, line: { sku: line.sku, productId: line.productId, requested: line.quantity, available } }];
  });
  if (problems.length === 0) return { kind: 'RESERVE', lines };
  const reasonCode = REFUSAL_REASONS.find((reason) => problems.some((p) => p.reason === reason)) as RefusalReason;
  const reason = problems
    .filter((p) => p.reason === reasonCode)
    .map((p) => describe(reasonCode, p.line))
    .join(' ')
    .slice(0, 500);
  return { kind: 'REFUSE', reasonCode, reason, lines: problems.map((p) => p.line) };
}
