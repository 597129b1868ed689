import middy from '@middy/core';
import {
  created,
  httpErrors,
  httpRequest,
  json,
  observability,
  ok,
  withHttpCorrelation,
  type HttpHandler,
  type HttpRequest,
  type HttpResponse,
  type RequestSchemas,
} from '@shop/lambda-kit';
import { DynamoProductRepository } from '../../adapters/dynamodb-product-repository';
import { tableName } from '../../config';
import { PRODUCT_ERROR_STATUS } from '../../domain/errors';
import { makeCreateProduct, makeRestockProduct, makeUpdateProduct } from '../../use-cases/manage-catalog';
import { documentClient } from '../dependencies';
import { adminOnly } from './admin-auth';
import { CreateProductBody, ProductPath, RestockBody, UpdateProductBody } from './schemas';

const products = new DynamoProductRepository({ doc: documentClient, tableName: tableName() });
const clock = () => new Date();
const createProduct = makeCreateProduct({ products, clock });
const updateProduct = makeUpdateProduct({ products, clock });
const restockProduct = makeRestockProduct({ products });

/** lambda-kit's HTTP stack with the admin check between the error mapping and the request parser. */
function adminRoute<S extends RequestSchemas>(
  schemas: S,
  handle: (request: HttpRequest<S>) => Promise<HttpResponse>,
): HttpHandler {
  return withHttpCorrelation(
    middy<HttpRequest<S>, HttpResponse>()
      .use(observability())
      .use(httpErrors(PRODUCT_ERROR_STATUS))
      .use(adminOnly())
      .use(httpRequest(schemas))
      .handler(handle),
  );
}

const routes: Record<string, HttpHandler> = {
  'POST /admin/products': adminRoute({ body: CreateProductBody }, async ({ body }) => {
    const product = await createProduct(body);
    return created(product, { location: `/products/${product.id}` });
  }),
  'PATCH /admin/products/{id}': adminRoute({ path: ProductPath, body: UpdateProductBody }, async ({ path, body }) =>
    ok(await updateProduct(path.id, body)),
  ),
  'POST /admin/products/{id}/restock': adminRoute({ path: ProductPath, body: RestockBody }, async ({ path, body }) =>
    ok(await restockProduct(path.id, body.quantity)),
  ),
};

/** The admin routes, one function routed by `routeKey` (the HTTP API sends only these three here). */
export const handler: HttpHandler = async (event, context) => {
  const route = routes[event.routeKey];
  if (route === undefined)
    return json(404, { error: { code: 'PRODUCTS.NOT_FOUND', message: `No route ${event.routeKey}` } });
  return route(event, context);
};
