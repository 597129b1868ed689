import { created, makeHttpHandler, ok } from '@shop/lambda-kit';
import { DynamoCartRepository } from '../../adapters/dynamodb-cart-repository';
import { DynamoCatalogCopy } from '../../adapters/dynamodb-catalog-copy';
import { ORDERS_HTTP_STATUS } from '../../adapters/errors';
import { shopCurrency, tableName } from '../config';
import { documentClient } from '../dependencies';
import { makeCartActions } from './cart-actions';
import { CartLinePath, CartPath, customerIdOf, MergeBody, MyCartLinePath, QuantityBody } from './request-parts';
import { routeTable } from './routes';

const table = { doc: documentClient, tableName: tableName() };
const actions = makeCartActions({
  carts: new DynamoCartRepository(table),
  catalog: new DynamoCatalogCopy(table),
  currency: shopCurrency(),
});
const errors = ORDERS_HTTP_STATUS;

/**
 * The cart routes. `/carts/...` are public and reach guest carts only: the cart id is the bearer
 * credential, and a customer's cart answers there as an unknown one. `/me/...` sit behind the JWT
 * authorizer: the customer is the token's `sub`, and the only way to their cart.
 */
export const handler = routeTable({
  'POST /carts': makeHttpHandler({ errors }, async () => {
    const cart = await actions.createGuestCart();
    return created(cart, { location: `/carts/${cart.id}` });
  }),
  'GET /carts/{cartId}': makeHttpHandler({ request: { path: CartPath }, errors }, async ({ path }) =>
    ok(await actions.getCart(path.cartId)),
  ),
  'PUT /carts/{cartId}/lines/{productId}': makeHttpHandler(
    { request: { path: CartLinePath, body: QuantityBody }, errors },
    async ({ path, body }) =>
      ok(await actions.setQuantity({ guestCartId: path.cartId }, path.productId, body.quantity)),
  ),
  'DELETE /carts/{cartId}/lines/{productId}': makeHttpHandler(
    { request: { path: CartLinePath }, errors },
    async ({ path }) => ok(await actions.removeLine({ guestCartId: path.cartId }, path.productId)),
  ),
  'GET /me/cart': makeHttpHandler({ errors }, async ({ event }) =>
    ok(await actions.getCustomerCart(customerIdOf(event))),
  ),
  'PUT /me/cart/lines/{productId}': makeHttpHandler(
    { request: { path: MyCartLinePath, body: QuantityBody }, errors },
    async ({ event, path, body }) =>
      ok(await actions.setQuantity({ customerId: customerIdOf(event) }, path.productId, body.quantity)),
  ),
  'DELETE /me/cart/lines/{productId}': makeHttpHandler(
    { request: { path: MyCartLinePath }, errors },
    async ({ event, path }) => ok(await actions.removeLine({ customerId: customerIdOf(event) }, path.productId)),
  ),
  'POST /me/cart/merge': makeHttpHandler({ request: { body: MergeBody }, errors }, async ({ event, body }) =>
    ok(await actions.mergeGuestCart(customerIdOf(event), body.guestCartId)),
  ),
});
