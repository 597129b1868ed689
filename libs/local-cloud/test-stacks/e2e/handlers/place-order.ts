import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyResultV2 } from 'aws-lambda';

const eventBusName = process.env.EVENT_BUS_NAME;
if (!eventBusName) throw new Error('EVENT_BUS_NAME is not set');
// No endpoint in code: the SDK reads AWS_ENDPOINT_URL_EVENTBRIDGE, which the local Lambda sets and AWS does not.
const events = new EventBridgeClient({});

/** `POST /orders` behind a Cognito JWT authorizer: publishes Order.OrderPlaced for the signed-in customer. */
export const handler = async (event: APIGatewayProxyEventV2WithJWTAuthorizer): Promise<APIGatewayProxyResultV2> => {
  const { sku, quantity } = JSON.parse(event.body ?? '{}') as { sku: string; quantity: number };
  const orderId = event.requestContext.requestId;
  const customerId = event.requestContext.authorizer.jwt.claims.sub;
  const detail = { data: { order: { id: orderId, sku, quantity }, customer: { id: customerId } } };
  const { FailedEntryCount } = await events.send(
    new PutEventsCommand({ Entries: [{ EventBusName: eventBusName, Source: 'shop.orders', DetailType: 'Order.OrderPlaced', Detail: JSON.stringify(detail) }] }),
  );
  if (FailedEntryCount) throw new Error('Order.OrderPlaced was not published');
  return { statusCode: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ orderId }) };
};
