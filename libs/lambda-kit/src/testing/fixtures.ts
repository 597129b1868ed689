import type { APIGatewayProxyEventV2, Context, SQSEvent, SQSRecord } from 'aws-lambda';

/**
 * A Lambda context as the runtime passes it, for calling `handler(event, context)` in tests.
 *
 * @example
 * await handler(anHttpEvent(), aLambdaContext());
 */
export function aLambdaContext(overrides: Partial<Context> = {}): Context {
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: 'shop-test-function',
    functionVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws:lambda:eu-west-2:123456789012:function:shop-test-function',
    memoryLimitInMB: '1024',
    awsRequestId: 'c6af9ac6-7b61-11e6-9a41-93e812345678',
    logGroupName: '/aws/lambda/shop-test-function',
    logStreamName: '2025/03/14/[$LATEST]abcdef0123456789',
    getRemainingTimeInMillis: () => 30_000,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
    ...overrides,
  };
}

/** The parts of an HTTP request a test sets; the rest is a realistic HTTP API payload 2.0 event. */
export type HttpEventInput = {
  readonly method?: string;
  readonly path?: string;
  readonly routeKey?: string;
  readonly headers?: Record<string, string>;
  readonly body?: unknown;
  readonly pathParameters?: Record<string, string>;
  readonly queryStringParameters?: Record<string, string>;
};

/**
 * An API Gateway HTTP API (payload 2.0) event. A `body` that is not a string is JSON-encoded.
 *
 * @example
 * anHttpEvent({ method: 'POST', path: '/orders', body: { sku: 'TSHIRT-M', quantity: 1 } });
 */
export function anHttpEvent(input: HttpEventInput = {}): APIGatewayProxyEventV2 {
  const { method = 'GET', path = '/', headers = {}, body, pathParameters, queryStringParameters } = input;
  const rawQueryString = new URLSearchParams(queryStringParameters).toString();
  return {
    version: '2.0',
    routeKey: input.routeKey ?? `${method} ${path}`,
    rawPath: path,
    rawQueryString,
    headers: { 'content-type': 'application/json', 'user-agent': 'vitest', ...headers },
    ...(queryStringParameters && { queryStringParameters }),
    ...(pathParameters && { pathParameters }),
    requestContext: {
      accountId: '123456789012',
      apiId: 'a1b2c3d4e5',
      domainName: 'a1b2c3d4e5.execute-api.eu-west-2.amazonaws.com',
      domainPrefix: 'a1b2c3d4e5',
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '203.0.113.10', userAgent: 'vitest' },
      requestId: 'JKJaXmPLvHcESHA=',
      routeKey: input.routeKey ?? `${method} ${path}`,
      stage: '$default',
      time: '14/Mar/2025:09:26:53 +0000',
      timeEpoch: 1741944413000,
    },
    ...(body !== undefined && { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    isBase64Encoded: false,
  };
}

/** The parts of an EventBridge event a test sets. */
export type EventInput = {
  readonly id?: string;
  readonly source?: string;
  readonly detailType?: string;
  readonly detail: unknown;
};

/** An EventBridge event, as a rule delivers it to a Lambda or an SQS target. */
export type EventBridgeEventFixture = {
  readonly version: string;
  readonly id: string;
  readonly 'detail-type': string;
  readonly source: string;
  readonly account: string;
  readonly time: string;
  readonly region: string;
  readonly resources: string[];
  readonly detail: unknown;
};

/**
 * An EventBridge event around `detail`.
 *
 * @example
 * await handler(anEventBridgeEvent({ source: 'shop.orders', detailType: 'Order.OrderConfirmed', detail }), aLambdaContext());
 */
export function anEventBridgeEvent(input: EventInput): EventBridgeEventFixture {
  return {
    version: '0',
    id: input.id ?? '0d7e5c4b-2a19-4f3e-8b6d-1c2a3b4c5d6e',
    'detail-type': input.detailType ?? 'Test.ThingHappened',
    source: input.source ?? 'shop.test',
    account: '123456789012',
    time: '2025-03-14T09:26:53Z',
    region: 'eu-west-2',
    resources: [],
    detail: input.detail,
  };
}

/**
 * An SQS record whose body is `body` (JSON-encoded unless it is a string).
 *
 * @example
 * anSqsRecord('msg-1', anEventBridgeEvent({ detail }));
 */
export function anSqsRecord(messageId: string, body: unknown): SQSRecord {
  return {
    messageId,
    receiptHandle: `receipt-${messageId}`,
    body: typeof body === 'string' ? body : JSON.stringify(body),
    attributes: {
      ApproximateReceiveCount: '1',
      SentTimestamp: '1741944413000',
      SenderId: 'AIDAIENQZJOLO23YVJ4VO',
      ApproximateFirstReceiveTimestamp: '1741944413001',
    },
    messageAttributes: {},
    md5OfBody: 'e4e68fb7bd0e697a0ae8f1bb342846b3',
    eventSource: 'aws:sqs',
    eventSourceARN: 'arn:aws:sqs:eu-west-2:123456789012:shop-test-queue',
    awsRegion: 'eu-west-2',
  };
}

/**
 * An SQS event (a batch) of records.
 *
 * @example
 * await handler(anSqsEvent([anSqsRecord('msg-1', event)]), aLambdaContext());
 */
export function anSqsEvent(records: SQSRecord[]): SQSEvent {
  return { Records: records };
}
