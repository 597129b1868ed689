import type { HttpHandler } from '@shop/lambda-kit';
import { aLambdaContext } from '@shop/lambda-kit/testing';
import { DynamoCartRepository } from '../../adapters/dynamodb-cart-repository';
import { DynamoCatalogCopy } from '../../adapters/dynamodb-catalog-copy';
import type { CatalogProduct } from '../../domain';
import type { CartView } from '../http/cart-view';
import { aRouteEvent, bodyOf, startHandlerAws } from './handler-env';

/**
 * The carts handler on dynalite, with `products` in the catalog copy, and shorthands for its routes.
 * Call in `beforeAll`; `stop` in `afterAll`.
 */
export async function startCartRoutes(products: readonly CatalogProduct[]) {
  const aws = await startHandlerAws();
  const catalog = new DynamoCatalogCopy({ doc: aws.doc, tableName: aws.tableName });
  const carts = new DynamoCartRepository({ doc: aws.doc, tableName: aws.tableName });
  for (const product of products) await catalog.put(product);
  const { handler } = (await import('../http/carts')) as { handler: HttpHandler };

  const call = (routeKey: string, input: Parameters<typeof aRouteEvent>[1] = {}) =>
    handler(aRouteEvent(routeKey, input), aLambdaContext());
  const setQuantity = (cartId: string, productId: string, quantity: unknown) =>
    call('PUT /carts/{cartId}/lines/{productId}', { pathParameters: { cartId, productId }, body: { quantity } });
  const setMyQuantity = (customerId: string, productId: string, quantity: unknown) =>
    call('PUT /me/cart/lines/{productId}', { customerId, pathParameters: { productId }, body: { quantity } });
  const newCart = async () => bodyOf<CartView>(await call('POST /carts')).id;
  const customerCartId = async (customerId: string) => bodyOf<CartView>(await call('GET /me/cart', { customerId })).id;

  return { catalog, carts, call, setQuantity, setMyQuantity, newCart, customerCartId, stop: aws.stop };
}

export type CartRoutes = Awaited<ReturnType<typeof startCartRoutes>>;

type Lines = { readonly lines: readonly { readonly productId: string; readonly quantity: number }[] };

/** `[productId, quantity]` of each line of a cart response, or of a stored cart. */
export const linesOf = (cart: Lines) => cart.lines.map((line) => [line.productId, line.quantity]);
