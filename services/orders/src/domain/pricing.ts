import { checkQuantity, type CartLine } from './cart';
import { orderableProduct, type Catalog, type CatalogProduct } from './catalog';
import { OrdersDomainError } from './errors';
import { money, multiplyAmount, sumAmounts, taxOn, type Money } from './money';

/** What pricing needs of a cart line. */
export type PricingLine = Pick<CartLine, 'productId' | 'quantity'>;

/** One priced line. `net` = unitPrice × quantity; `tax` = net × rate, rounded on this line; `gross` = net + tax. */
export type PricedLine = {
  readonly productId: string;
  readonly sku: string;
  readonly name: string;
  readonly quantity: number;
  readonly unitPrice: Money;
  readonly taxRateBasisPoints: number;
  readonly net: Money;
  readonly tax: Money;
  readonly gross: Money;
};

/** Sums of the lines; `tax` is the sum of the lines' rounded taxes, never recomputed on the total. */
export type CartTotals = {
  readonly net: Money;
  readonly tax: Money;
  readonly gross: Money;
  /** Number of items: the sum of the quantities. */
  readonly itemCount: number;
};

export type PricedCart = {
  readonly currency: string;
  readonly lines: readonly PricedLine[];
  readonly totals: CartTotals;
};

export type PricingOptions = {
  /** The currency the shop sells in; every product must be priced in it. */
  readonly currency: string;
};

/** @throws OrdersDomainError `CURRENCY_MISMATCH` unless the product is priced in `currency`. */
function checkCurrency(product: CatalogProduct, currency: string): void {
  if (product.price.currency !== currency) {
    throw new OrdersDomainError(
      'ORDERS.CURRENCY_MISMATCH',
      `Product ${product.sku} is priced in ${product.price.currency}, not ${currency}`,
      { productId: product.id, expected: currency, actual: product.price.currency },
    );
  }
}

function priceLine(line: PricingLine, catalog: Catalog, currency: string): PricedLine {
  checkQuantity(line.quantity, 1);
  const product = orderableProduct(catalog, line.productId);
  checkCurrency(product, currency);
  const net = multiplyAmount(product.price.amount, line.quantity);
  const tax = taxOn(net, product.taxRateBasisPoints);
  return {
    productId: product.id,
    sku: product.sku,
    name: product.name,
    quantity: line.quantity,
    unitPrice: money(product.price.amount, currency),
    taxRateBasisPoints: product.taxRateBasisPoints,
    net: money(net, currency),
    tax: money(tax, currency),
    gross: money(sumAmounts([net, tax], 'line gross'), currency),
  };
}

/**
 * Prices cart lines from the catalog, in integer minor units throughout.
 *
 * Tax is worked out per line (UK VAT line-level calculation, HMRC VAT Notice 700 §17.5): the line's
 * net times its rate, rounded half up to the minor unit; the cart's tax is the sum of the rounded line
 * taxes. Because amounts are already minor units, the same integer rule serves GBP (2 digits), JPY (0)
 * and KWD (3): no currency table, and no floating point.
 *
 * @throws OrdersDomainError `EMPTY_CART`, `INVALID_QUANTITY`, `PRODUCT_NOT_FOUND`, `PRODUCT_UNAVAILABLE`,
 *   `CURRENCY_MISMATCH`, `AMOUNT_OUT_OF_RANGE` (a sum past Number.MAX_SAFE_INTEGER minor units).
 *
 * @example
 * const priced = priceCart(cart.lines, catalogOf(products), { currency: 'GBP' });
 * priced.totals.gross; // { amount: 3000, currency: 'GBP' }
 */
export function priceCart(lines: readonly PricingLine[], catalog: Catalog, options: PricingOptions): PricedCart {
  const { currency } = options;
  if (lines.length === 0) throw new OrdersDomainError('ORDERS.EMPTY_CART', 'The cart is empty');
  const priced = lines.map((line) => priceLine(line, catalog, currency));
  const total = (pick: (line: PricedLine) => Money, what: string) =>
    money(
      sumAmounts(
        priced.map((line) => pick(line).amount),
        what,
      ),
      currency,
    );
  return {
    currency,
    lines: priced,
    totals: {
      net: total((line) => line.net, 'net total'),
      tax: total((line) => line.tax, 'tax total'),
      gross: total((line) => line.gross, 'gross total'),
      itemCount: priced.reduce((count, line) => count + line.quantity, 0),
    },
  };
}
