import { describe, expect, it } from 'vitest';
import {
  addLine,
  assertCartOpen,
  changeQuantity,
  GUEST_CART_TTL_SECONDS,
  isCartExpired,
  MAX_CART_LINES,
  newCustomerCart,
  newGuestCart,
  removeLine,
  type Cart,
} from './cart';
import { aCatalog, aProduct, CATALOG, LATER, NOW, NOW_SECONDS } from './test-data';

const guestCart = () => newGuestCart('cart_1', 'guest_1', NOW);
const customerCart = () => newCustomerCart('cart_2', 'cust_1', NOW);
const SEVEN_DAYS_LATER = new Date(NOW.getTime() + GUEST_CART_TTL_SECONDS * 1000);
const withMug = (cart: Cart, quantity = 2) => addLine(cart, { productId: 'prod_mug', quantity }, CATALOG, NOW);
const code = (value: string) => expect.objectContaining({ code: value });

describe('new carts', () => {
  it('gives a guest cart seven days, in epoch seconds for DynamoDB TTL', () => {
    const cart = guestCart();

    expect(cart).toMatchObject({ owner: { kind: 'guest', id: 'guest_1' }, lines: [], createdAt: NOW.toISOString() });
    expect(cart.expiresAt).toBe(NOW_SECONDS + 7 * 24 * 3600);
  });

  it('gives a customer cart no expiry', () => {
    const cart = customerCart();

    expect(cart.owner).toEqual({ kind: 'customer', customerId: 'cust_1' });
    expect(cart).not.toHaveProperty('expiresAt');
    expect(isCartExpired(cart, new Date('2099-01-01T00:00:00Z'))).toBe(false);
  });
});

describe('isCartExpired', () => {
  it('expires a guest cart seven days after its last change, though DynamoDB has not deleted it yet', () => {
    const cart = guestCart();

    expect(isCartExpired(cart, new Date(SEVEN_DAYS_LATER.getTime() - 1000))).toBe(false);
    expect(isCartExpired(cart, SEVEN_DAYS_LATER)).toBe(true);
    expect(() => assertCartOpen(cart, SEVEN_DAYS_LATER)).toThrow(code('ORDERS.CART_EXPIRED'));
  });
});

describe('addLine', () => {
  it('adds a line with the product’s sku', () => {
    const cart = withMug(customerCart());

    expect(cart.lines).toEqual([{ productId: 'prod_mug', sku: 'MUG-ENAMEL-BLU', quantity: 2 }]);
  });

  it('merges with the line already there', () => {
    const cart = addLine(withMug(customerCart(), 2), { productId: 'prod_mug', quantity: 3 }, CATALOG, NOW);

    expect(cart.lines).toEqual([{ productId: 'prod_mug', sku: 'MUG-ENAMEL-BLU', quantity: 5 }]);
  });

  it('starts a guest cart’s seven days again', () => {
    const cart = addLine(guestCart(), { productId: 'prod_mug', quantity: 1 }, CATALOG, LATER);

    expect(cart.updatedAt).toBe(LATER.toISOString());
    expect(cart.expiresAt).toBe(Math.floor(LATER.getTime() / 1000) + GUEST_CART_TTL_SECONDS);
  });

  it('leaves the cart it was given unchanged', () => {
    const before = customerCart();

    withMug(before);

    expect(before.lines).toEqual([]);
  });

  it.each([0, 100, 1.5, -1])('refuses a quantity of %s', (quantity) => {
    expect(() => withMug(customerCart(), quantity)).toThrow(code('ORDERS.INVALID_QUANTITY'));
  });

  it('refuses to take a line past 99 items', () => {
    const cart = withMug(customerCart(), 98);

    expect(() => withMug(cart, 2)).toThrow(code('ORDERS.INVALID_QUANTITY'));
  });

  it('refuses an unknown product', () => {
    const act = () => addLine(customerCart(), { productId: 'prod_nope', quantity: 1 }, CATALOG, NOW);

    expect(act).toThrow(code('ORDERS.PRODUCT_NOT_FOUND'));
  });

  it('refuses a discontinued product', () => {
    const act = () => addLine(customerCart(), { productId: 'prod_lamp', quantity: 1 }, CATALOG, NOW);

    expect(act).toThrow(code('ORDERS.PRODUCT_UNAVAILABLE'));
  });

  it('refuses a 51st product but still adds to a line already in a full cart', () => {
    const products = Array.from({ length: MAX_CART_LINES + 1 }, (_, i) =>
      aProduct({ id: `prod_${i}`, sku: `SKU-${i}` }),
    );
    const catalog = aCatalog(...products);
    const full = products
      .slice(0, MAX_CART_LINES)
      .reduce<Cart>(
        (cart, product) => addLine(cart, { productId: product.id, quantity: 1 }, catalog, NOW),
        customerCart(),
      );

    expect(() => addLine(full, { productId: 'prod_50', quantity: 1 }, catalog, NOW)).toThrow(code('ORDERS.CART_FULL'));
    expect(addLine(full, { productId: 'prod_0', quantity: 1 }, catalog, NOW).lines[0]?.quantity).toBe(2);
  });

  it('refuses to change an expired guest cart', () => {
    const act = () => addLine(guestCart(), { productId: 'prod_mug', quantity: 1 }, CATALOG, SEVEN_DAYS_LATER);

    expect(act).toThrow(code('ORDERS.CART_EXPIRED'));
  });
});

describe('changeQuantity', () => {
  it('sets the quantity of a line', () => {
    const cart = changeQuantity(withMug(customerCart()), 'prod_mug', 7, LATER);

    expect(cart.lines).toEqual([{ productId: 'prod_mug', sku: 'MUG-ENAMEL-BLU', quantity: 7 }]);
    expect(cart.updatedAt).toBe(LATER.toISOString());
  });

  it('removes the line at 0', () => {
    const cart = changeQuantity(withMug(customerCart()), 'prod_mug', 0, LATER);

    expect(cart.lines).toEqual([]);
  });

  it('refuses a product that is not in the cart', () => {
    expect(() => changeQuantity(customerCart(), 'prod_mug', 3, NOW)).toThrow(code('ORDERS.CART_LINE_NOT_FOUND'));
  });

  it.each([100, -1, 2.5])('refuses a quantity of %s', (quantity) => {
    expect(() => changeQuantity(withMug(customerCart()), 'prod_mug', quantity, NOW)).toThrow(
      code('ORDERS.INVALID_QUANTITY'),
    );
  });

  it('refuses to change an expired guest cart', () => {
    const cart = withMug(guestCart());

    expect(() => changeQuantity(cart, 'prod_mug', 1, SEVEN_DAYS_LATER)).toThrow(code('ORDERS.CART_EXPIRED'));
  });
});

describe('removeLine', () => {
  it('removes a product’s line and keeps the others in order', () => {
    const cart = addLine(withMug(customerCart()), { productId: 'prod_tea', quantity: 1 }, CATALOG, NOW);

    const after = removeLine(cart, 'prod_mug', LATER);

    expect(after.lines.map((line) => line.productId)).toEqual(['prod_tea']);
  });

  it('returns the same cart when the product is not in it, so a retried delete writes nothing', () => {
    const cart = withMug(customerCart());

    expect(removeLine(cart, 'prod_tea', LATER)).toBe(cart);
  });

  it('refuses to change an expired guest cart', () => {
    expect(() => removeLine(guestCart(), 'prod_mug', SEVEN_DAYS_LATER)).toThrow(code('ORDERS.CART_EXPIRED'));
  });
});
