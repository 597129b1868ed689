import { NegativeStockError } from './errors';
import type { ProductStatus } from './product';
import { fail } from './product-rules';

/** Stock of one sku. `available = onHand - reserved` is stored too, because a DynamoDB condition cannot subtract. */
export type Stock = {
  readonly sku: string;
  readonly productId: string;
  /** Copied from the product, so a reservation checks it on the same item it decrements. */
  readonly productStatus: ProductStatus;
  /** Units in the warehouse, including the reserved ones. */
  readonly onHand: number;
  /** Units set aside for orders not yet confirmed or cancelled. */
  readonly reserved: number;
  readonly available: number;
};

/** How a stock change moves the counters (available moves by `onHand - reserved`). */
export type StockChange = { readonly sku: string; readonly onHand: number; readonly reserved: number };

/** One line of an order, as products counts it. */
export type StockLine = { readonly sku: string; readonly productId: string; readonly quantity: number };

export function newStock(sku: string, productId: string, productStatus: ProductStatus, onHand: number): Stock {
  return { sku, productId, productStatus, onHand, reserved: 0, available: onHand };
}

/**
 * The stock after a change. Nothing may go below zero: that would be stock sold twice.
 *
 * @throws NegativeStockError
 */
export function applyStockChange(stock: Stock, change: StockChange): Stock {
  const onHand = stock.onHand + change.onHand;
  const reserved = stock.reserved + change.reserved;
  const available = onHand - reserved;
  if (onHand < 0 || reserved < 0 || available < 0) throw new NegativeStockError(stock.sku);
  return { ...stock, onHand, reserved, available };
}

export const restockChange = (sku: string, quantity: number): StockChange => ({ sku, onHand: quantity, reserved: 0 });
/** Reserving sets units aside: available goes down, on hand stays. */
export const reserveChange = (line: StockLine): StockChange => ({ sku: line.sku, onHand: 0, reserved: line.quantity });
/** Releasing puts them back on sale. */
export const releaseChange = (line: StockLine): StockChange => ({ sku: line.sku, onHand: 0, reserved: -line.quantity });
/** Committing sells them: they leave the warehouse and the reservation at once; available does not move. */
export const commitChange = (line: StockLine): StockChange => ({
  sku: line.sku,
  onHand: -line.quantity,
  reserved: -line.quantity,
});

/**
 * An order's lines with one line per sku (an order may list a sku twice; a DynamoDB transaction may not
 * touch an item twice), in sku order so every reservation touches items in the same order.
 */
export function mergeLines(lines: readonly StockLine[]): StockLine[] {
  if (lines.length === 0) fail('lines', 'expected at least one line');
  const bySku = new Map<string, StockLine>();
  for (const line of lines) {
    if (!Number.isInteger(line.quantity) || line.quantity <= 0) fail('quantity', 'expected a positive whole number');
    const seen = bySku.get(line.sku);
    bySku.set(line.sku, { ...line, quantity: (seen?.quantity ?? 0) + line.quantity });
  }
  return [...bySku.values()].sort((a, b) => (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0));
}
