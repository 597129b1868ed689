import { GetObjectCommand } from '@aws-sdk/client-s3';
import { anHttpEvent } from '@shop/lambda-kit/testing';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { extractText, getDocumentProxy } from 'unpdf';
import type { LocalAws } from './local-aws';
import type { LocalInvoicesShop } from './local-shop';

/** What ServiceFunction sets in Lambda, with logs and metrics silenced for the tests' output. */
export const QUIET_POWERTOOLS = {
  POWERTOOLS_SERVICE_NAME: 'invoices',
  POWERTOOLS_METRICS_NAMESPACE: 'Shop',
  POWERTOOLS_METRICS_DISABLED: 'true',
  POWERTOOLS_LOG_LEVEL: 'SILENT',
};

/**
 * Points the AWS SDK at the local cloud and sets the functions' variables. Call it before importing a handler:
 * handlers read their configuration and make their clients when the module loads, as in Lambda.
 */
export function useLocalShop(aws: LocalAws, shop: LocalInvoicesShop, deadLetterQueueUrl: string): void {
  Object.assign(process.env, aws.environment, QUIET_POWERTOOLS, shop.environment, {
    DEAD_LETTER_QUEUE_URL: deadLetterQueueUrl,
  });
}

/** The text of a PDF stored in the shop's bucket. */
export async function pdfText(shop: LocalInvoicesShop, key: string): Promise<string> {
  const object = await shop.clients.s3.send(new GetObjectCommand({ Bucket: shop.names.bucket, Key: key }));
  const bytes = await object.Body?.transformToByteArray();
  if (bytes === undefined) throw new Error(`No PDF at ${key}`);
  const { text } = await extractText(await getDocumentProxy(bytes), { mergePages: true });
  return text;
}

/** An HTTP API event for `GET /orders/{orderId}/invoice` whose JWT authorizer passed `claims` (none: anonymous). */
export function anInvoiceRequest(orderId: string, claims?: Record<string, string>): APIGatewayProxyEventV2 {
  const event = anHttpEvent({
    path: `/orders/${orderId}/invoice`,
    routeKey: 'GET /orders/{orderId}/invoice',
    pathParameters: { orderId },
  });
  if (claims === undefined) return event;
  const authorizer = { jwt: { claims, scopes: [] }, principalId: '', integrationLatency: 0 };
  return { ...event, requestContext: { ...event.requestContext, authorizer } } as APIGatewayProxyEventV2;
}

/** The parsed JSON body of an HTTP response. */
export const bodyOf = (response: { body?: string }) => JSON.parse(response.body ?? 'null') as Record<string, unknown>;
