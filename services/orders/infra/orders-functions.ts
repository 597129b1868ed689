import { fileURLToPath } from 'node:url';
import { type LogLevel, ServiceFunction } from '@shop/cdk-constructs';
import { Duration, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { grantTableActions, IDEMPOTENCY_ACTIONS, type TableGrants, type Tables } from './table-access';

/** The service's functions, by handler. */
export type OrdersHandler =
  | 'carts'
  | 'orders'
  | 'productChanged'
  | 'stockAnswer'
  | 'invoiceIssued'
  | 'customerChanged'
  | 'customerDeleted'
  | 'orderOutcome'
  | 'priceCheckout';

/** Each handler's file under src/handlers, as the service README lists them. */
export const HANDLER_ENTRIES: Record<OrdersHandler, string> = {
  carts: 'http/carts.ts',
  orders: 'http/orders.ts',
  productChanged: 'events/product-changed.ts',
  stockAnswer: 'events/stock-answer.ts',
  invoiceIssued: 'events/invoice-issued.ts',
  customerChanged: 'events/customer-changed.ts',
  customerDeleted: 'events/customer-deleted.ts',
  orderOutcome: 'events/order-outcome.ts',
  priceCheckout: 'workflow/price-checkout.ts',
};

/** The table actions each handler uses ("What infra must grant" in the service README), and no others. */
export const TABLE_GRANTS: Record<OrdersHandler, TableGrants> = {
  carts: { table: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:DeleteItem', 'dynamodb:BatchGetItem'] },
  orders: { table: ['dynamodb:GetItem'], byCustomerIndex: ['dynamodb:Query'] },
  productChanged: { table: ['dynamodb:PutItem'], idempotencyTable: IDEMPOTENCY_ACTIONS },
  stockAnswer: { idempotencyTable: IDEMPOTENCY_ACTIONS },
  invoiceIssued: { table: ['dynamodb:UpdateItem'], idempotencyTable: IDEMPOTENCY_ACTIONS },
  customerChanged: { table: ['dynamodb:PutItem'], idempotencyTable: IDEMPOTENCY_ACTIONS },
  // The tombstone (Put), the cart pointer (Get) and cart (Delete), and each order's addresses (Update).
  customerDeleted: {
    table: ['dynamodb:PutItem', 'dynamodb:GetItem', 'dynamodb:DeleteItem', 'dynamodb:UpdateItem'],
    byCustomerIndex: ['dynamodb:Query'],
  },
  // Reads a cancelled order's creation time for CheckoutDuration; idempotent per outcome and order.
  orderOutcome: { table: ['dynamodb:GetItem'], idempotencyTable: IDEMPOTENCY_ACTIONS },
  priceCheckout: { table: ['dynamodb:GetItem', 'dynamodb:BatchGetItem'] },
};

/**
 * Handlers that need longer than ServiceFunction's 10 s: anonymising a customer with many orders is a few
 * writes per order. A run that still times out is retried and resumes (it skips orders already done).
 */
export const HANDLER_TIMEOUTS: Partial<Record<OrdersHandler, Duration>> = {
  customerDeleted: Duration.minutes(1),
};

/** Where the backend's feature flags live: the ids of the AppConfig application, environment and profile. */
export interface FeatureFlagsLocation {
  readonly applicationId: string;
  readonly environmentId: string;
  readonly configurationProfileId: string;
}

/** The payment sandbox as the orders service reaches it: by URL, with the API key from Secrets Manager. */
export interface PaymentsEndpoint {
  /** Base URL without a trailing slash, e.g. `https://abc123.execute-api.eu-west-2.amazonaws.com`. */
  readonly url: string;
  /** Holds the API key (`x-api-key`) as a plain string. */
  readonly apiKeySecret: secretsmanager.ISecret;
}

export interface OrdersFunctionsProps extends Tables {
  readonly payments: PaymentsEndpoint;
  readonly flags: FeatureFlagsLocation;
  readonly logLevel?: LogLevel;
}

const entry = (handler: OrdersHandler) =>
  fileURLToPath(new URL(`../src/handlers/${HANDLER_ENTRIES[handler]}`, import.meta.url));
const functionId = (handler: OrdersHandler) => `${handler.charAt(0).toUpperCase()}${handler.slice(1)}Function`;

/**
 * The service's functions, each with the variables its handler reads (src/handlers/config.ts) and the table,
 * secret and AppConfig access it needs. What only exists beside them (the Checkout state machine the
 * stock-answer consumer completes tasks of) is granted by the service.
 */
export function makeOrdersFunctions(
  scope: Construct,
  props: OrdersFunctionsProps,
): Record<OrdersHandler, ServiceFunction> {
  const { table, idempotencyTable, payments, flags } = props;
  const environment: Record<OrdersHandler, Record<string, string>> = {
    carts: { TABLE_NAME: table.tableName },
    orders: { TABLE_NAME: table.tableName },
    productChanged: { TABLE_NAME: table.tableName, IDEMPOTENCY_TABLE_NAME: idempotencyTable.tableName },
    stockAnswer: { IDEMPOTENCY_TABLE_NAME: idempotencyTable.tableName },
    invoiceIssued: { TABLE_NAME: table.tableName, IDEMPOTENCY_TABLE_NAME: idempotencyTable.tableName },
    customerChanged: { TABLE_NAME: table.tableName, IDEMPOTENCY_TABLE_NAME: idempotencyTable.tableName },
    customerDeleted: { TABLE_NAME: table.tableName },
    orderOutcome: { TABLE_NAME: table.tableName, IDEMPOTENCY_TABLE_NAME: idempotencyTable.tableName },
    priceCheckout: {
      TABLE_NAME: table.tableName,
      PAYMENTS_URL: payments.url,
      PAYMENTS_API_KEY_SECRET_ARN: payments.apiKeySecret.secretArn,
      APPCONFIG_APPLICATION: flags.applicationId,
      APPCONFIG_ENVIRONMENT: flags.environmentId,
      APPCONFIG_FLAGS_PROFILE: flags.configurationProfileId,
    },
  };
  const make = (handler: OrdersHandler) => {
    const fn = new ServiceFunction(scope, functionId(handler), {
      entry: entry(handler),
      serviceName: 'orders',
      logLevel: props.logLevel,
      timeout: HANDLER_TIMEOUTS[handler],
      environment: environment[handler],
    });
    grantTableActions(props, fn, TABLE_GRANTS[handler]);
    return fn;
  };
  const functions = {
    carts: make('carts'),
    orders: make('orders'),
    productChanged: make('productChanged'),
    stockAnswer: make('stockAnswer'),
    invoiceIssued: make('invoiceIssued'),
    customerChanged: make('customerChanged'),
    customerDeleted: make('customerDeleted'),
    orderOutcome: make('orderOutcome'),
    priceCheckout: make('priceCheckout'),
  };
  grantPaymentsKeyRead(functions.priceCheckout, payments.apiKeySecret);
  grantFlagsRead(functions.priceCheckout, flags);
  return functions;
}

/** GetSecretValue only (Powertools' SecretsProvider calls nothing else), on this secret only. */
function grantPaymentsKeyRead(grantee: iam.IGrantable, secret: secretsmanager.ISecret): iam.Grant {
  // A partial ARN (a secret imported by name) needs the six-character suffix Secrets Manager adds.
  const arn = secret.secretFullArn ?? `${secret.secretArn}-??????`;
  return iam.Grant.addToPrincipal({ grantee, actions: ['secretsmanager:GetSecretValue'], resourceArns: [arn] });
}

/** AppConfig Data's two calls, on the one configuration profile in the one environment. */
function grantFlagsRead(grantee: iam.IGrantable & Construct, flags: FeatureFlagsLocation): iam.Grant {
  const { applicationId, environmentId, configurationProfileId } = flags;
  const configuration = `${applicationId}/environment/${environmentId}/configuration/${configurationProfileId}`;
  return iam.Grant.addToPrincipal({
    grantee,
    actions: ['appconfig:StartConfigurationSession', 'appconfig:GetLatestConfiguration'],
    resourceArns: [
      Stack.of(grantee).formatArn({ service: 'appconfig', resource: 'application', resourceName: configuration }),
    ],
  });
}
