import { randomUUID } from 'node:crypto';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';

const eventBusName = process.env.EVENT_BUS_NAME;
if (!eventBusName) throw new Error('EVENT_BUS_NAME is not set');
const events = new EventBridgeClient({});

/**
 * `POST /orders`, as the Shop's HTTP handlers do it: the caller's `x-correlation-id` or a new one, carried in
 * the published event's metadata and answered in the response header.
 */
export const handler = async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyResultV2> => {
  const correlationId = event.headers['x-correlation-id'] ?? randomUUID();
  const orderId = event.requestContext.requestId;
  const { sku } = JSON.parse(event.body ?? '{}') as { sku?: string };
  const metadata = { correlation_id: correlationId, causation_id: orderId, domain: 'shop', service: 'orders', environment: 'local', event_version: '1' };
  console.info('placing order', orderId);
  const { FailedEntryCount } = await events.send(
    new PutEventsCommand({ Entries: [{ EventBusName: eventBusName, Source: 'shop.orders', DetailType: 'Order.OrderPlaced', Detail: JSON.stringify({ metadata, data: { order: { id: orderId, sku } } }) }] }),
  );
  if (FailedEntryCount) throw new Error('Order.OrderPlaced was not published');
  return { statusCode: 201, headers: { 'content-type': 'application/json', 'x-correlation-id': correlationId }, body: JSON.stringify({ orderId }) };
};
