import { isCartConflict, type DynamoCartRepository } from '../../adapters/dynamodb-cart-repository';
import type { DynamoCatalogCopy } from '../../adapters/dynamodb-catalog-copy';
import { cartNotFound } from '../../adapters/errors';
import { newCartId } from '../../adapters/ids';
import type { StoredCart } from '../../adapters/table';
import {
  addLine,
  assertCartOpen,
  changeQuantity,
  isGuestCart,
  mergeGuestCart,
  newCustomerCart,
  newGuestCart,
  removeLine,
  type Cart,
  type CartLine,
  type CustomerCart,
  type GuestCart,
} from '../../domain';
import { cartView, type CartView } from './cart-view';

export type CartActionsDependencies = {
  readonly carts: DynamoCartRepository;
  readonly catalog: DynamoCatalogCopy;
  readonly currency: string;
  readonly clock?: () => Date;
  readonly newId?: () => string;
};

/** What a merge did: the customer's cart now, and what of the guest cart did not fit. */
export type MergeView = { readonly cart: CartView; readonly dropped: readonly CartLine[] };

/**
 * Which cart a change reaches. A guest cart by its id, the bearer credential of a shopper who has not
 * signed in; a customer's cart only by the token's `sub`, never by its id (issue 8: nobody reaches
 * another customer's cart, even holding its id).
 */
export type CartAccess = { readonly guestCartId: string } | { readonly customerId: string };

const unsaved = (cart: Cart): StoredCart => ({ cart, version: 0, mergedGuestCartIds: [] });

function customerCartOf(cart: Cart, customerId: string): CustomerCart {
  if (cart.owner.kind !== 'customer' || cart.owner.customerId !== customerId) {
    throw new Error(`Cart ${cart.id} is pointed at by customer ${customerId} but is not theirs`);
  }
  return cart as CustomerCart;
}

/** A customer's cart answers as a missing one on the guest routes: its id must not confirm it exists. */
function guestCartOf(cart: Cart | undefined, cartId: string): GuestCart {
  if (cart === undefined || !isGuestCart(cart)) throw cartNotFound(cartId);
  return cart;
}

/** The cart routes' use cases, over the cart repository and the catalog copy. */
export function makeCartActions(dependencies: CartActionsDependencies) {
  const { carts, catalog, currency, clock = () => new Date(), newId = newCartId } = dependencies;
  const view = async (cart: Cart) =>
    cartView(cart, await catalog.getMany(cart.lines.map((l) => l.productId)), currency);

  /** The customer's cart, created (empty) on first use. */
  async function customerCart(customerId: string): Promise<StoredCart> {
    const id = await carts.customerCartId(customerId, newId());
    const stored = await carts.get(id);
    if (stored !== undefined) return stored;
    try {
      return await carts.save(unsaved(newCustomerCart(id, customerId, clock())));
    } catch (error) {
      // Another first request created it a moment ago.
      const created = isCartConflict(error) ? await carts.get(id) : undefined;
      if (created === undefined) throw error;
      return created;
    }
  }

  /** The id of the cart `access` reaches, and the check that a cart read for a change is still that one. */
  async function reach(access: CartAccess): Promise<{ id: string; check: (cart: Cart) => void }> {
    if ('guestCartId' in access) {
      const id = access.guestCartId;
      return { id, check: (cart) => void guestCartOf(cart, id) };
    }
    const { cart } = await customerCart(access.customerId);
    return { id: cart.id, check: (current) => void customerCartOf(current, access.customerId) };
  }

  /** Applies a domain change to the cart `access` reaches; a change that returns its input writes nothing. */
  async function change(access: CartAccess, apply: (cart: Cart, now: Date) => Cart): Promise<CartView> {
    const target = await reach(access);
    const stored = await carts.update(target.id, (current) => {
      target.check(current.cart);
      const cart = apply(current.cart, clock());
      return cart === current.cart ? current : { ...current, cart };
    });
    return view(stored.cart);
  }

  return {
    async createGuestCart(): Promise<CartView> {
      const id = newId();
      // A guest cart's owner is its own id: whoever holds the id is the guest.
      return view((await carts.save(unsaved(newGuestCart(id, id, clock())))).cart);
    },

    /** A guest cart by its id. @throws `ORDERS.CART_NOT_FOUND` (also for a customer's cart), `ORDERS.CART_EXPIRED` */
    async getCart(cartId: string): Promise<CartView> {
      const cart = guestCartOf((await carts.get(cartId))?.cart, cartId);
      assertCartOpen(cart, clock());
      return view(cart);
    },

    /** Sets a product's quantity: adds the product if it is not in the cart; 0 removes it. */
    async setQuantity(access: CartAccess, productId: string, quantity: number): Promise<CartView> {
      const products = await catalog.getMany([productId]);
      return change(access, (cart, now) => {
        const inCart = cart.lines.some((line) => line.productId === productId);
        if (inCart) return changeQuantity(cart, productId, quantity, now);
        return quantity === 0
          ? removeLine(cart, productId, now)
          : addLine(cart, { productId, quantity }, products, now);
      });
    },

    async removeLine(access: CartAccess, productId: string): Promise<CartView> {
      return change(access, (cart, now) => removeLine(cart, productId, now));
    },

    async getCustomerCart(customerId: string): Promise<CartView> {
      return view((await customerCart(customerId)).cart);
    },

    /**
     * Moves a guest cart into the customer's cart at sign-in, then deletes the guest cart. Never fails
     * over the guest cart: an unknown, expired or already merged one brings nothing. The customer cart
     * remembers the guest cart's id in the same write, so a retry after a crash merges nothing twice.
     */
    async mergeGuestCart(customerId: string, guestCartId: string): Promise<MergeView> {
      const target = await customerCart(customerId);
      const guest = await carts.get(guestCartId);
      if (guest === undefined || !isGuestCart(guest.cart)) return { cart: await view(target.cart), dropped: [] };
      const guestCart = guest.cart;
      let dropped: readonly CartLine[] = [];
      const merged = await carts.update(target.cart.id, (current) => {
        dropped = [];
        if (current.mergedGuestCartIds.includes(guestCart.id)) return current;
        const result = mergeGuestCart(guestCart, customerCartOf(current.cart, customerId), clock());
        dropped = result.dropped;
        return { ...current, cart: result.cart, mergedGuestCartIds: [...current.mergedGuestCartIds, guestCart.id] };
      });
      await carts.delete(guestCart.id);
      return { cart: await view(merged.cart), dropped };
    },
  };
}

export type CartActions = ReturnType<typeof makeCartActions>;
