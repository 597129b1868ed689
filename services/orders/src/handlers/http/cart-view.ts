import {
  isGuestCart,
  priceCart,
  type Cart,
  type CartLine,
  type CartTotals,
  type Catalog,
  type CatalogProduct,
  type Money,
  type PricedLine,
} from '../../domain';

/** Why a line cannot be bought now; it stays in the cart so the shopper sees what happened. */
export type UnavailableReason = 'PRODUCT_NOT_FOUND' | 'PRODUCT_UNAVAILABLE' | 'CURRENCY_MISMATCH';

export type CartLineView =
  | (Omit<PricedLine, 'taxRateBasisPoints'> & { readonly available: true; readonly imageKey?: string })
  | (Pick<CartLine, 'productId' | 'sku' | 'quantity'> & {
      readonly available: false;
      readonly reason: UnavailableReason;
      readonly name?: string;
    });

/** A cart as the storefront shows it: priced from the catalog copy now (carts hold no prices). */
export type CartView = {
  readonly id: string;
  readonly owner: 'guest' | 'customer';
  readonly currency: string;
  readonly lines: readonly CartLineView[];
  /** Sums of the lines that can be bought now. */
  readonly totals: CartTotals;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** When a guest cart expires unless it changes again. */
  readonly expiresAt?: string;
};

function unavailableReason(product: CatalogProduct | undefined, currency: string): UnavailableReason | undefined {
  if (product === undefined) return 'PRODUCT_NOT_FOUND';
  if (product.status !== 'ACTIVE') return 'PRODUCT_UNAVAILABLE';
  if (product.price.currency !== currency) return 'CURRENCY_MISMATCH';
  return undefined;
}

const zero = (currency: string): Money => ({ amount: 0, currency });

/**
 * Prices the lines that can be bought (with the domain's rules, so the cart shows what checkout will
 * charge) and marks the others unavailable instead of refusing the whole cart.
 */
export function cartView(cart: Cart, catalog: Catalog, currency: string): CartView {
  const priceable = cart.lines.filter((line) => unavailableReason(catalog.get(line.productId), currency) === undefined);
  const priced =
    priceable.length === 0
      ? { lines: [], totals: { net: zero(currency), tax: zero(currency), gross: zero(currency), itemCount: 0 } }
      : priceCart(priceable, catalog, { currency });
  const lines = cart.lines.map((line): CartLineView => {
    const product = catalog.get(line.productId);
    const pricedLine = priced.lines.find((candidate) => candidate.productId === line.productId);
    if (pricedLine === undefined) {
      const reason = unavailableReason(product, currency) ?? 'PRODUCT_NOT_FOUND';
      const { productId, sku, quantity } = line;
      return { productId, sku, quantity, available: false, reason, ...(product && { name: product.name }) };
    }
    const { taxRateBasisPoints: _rate, ...shown } = pricedLine;
    return { ...shown, available: true, ...(product?.imageKey !== undefined && { imageKey: product.imageKey }) };
  });
  const { id, createdAt, updatedAt } = cart;
  const owner = isGuestCart(cart) ? 'guest' : 'customer';
  const expiresAt = isGuestCart(cart) ? new Date(cart.expiresAt * 1000).toISOString() : undefined;
  return { id, owner, currency, lines, totals: priced.totals, createdAt, updatedAt, ...(expiresAt && { expiresAt }) };
}
