import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { AppConfigDataClient } from '@aws-sdk/client-appconfigdata';
import middy from '@middy/core';
import { newCorrelationId, withCorrelation } from '@shop/events';
import { isUsableCorrelationId, logger, metrics, observability, tracer } from '@shop/lambda-kit';
import type { Context } from 'aws-lambda';
import { AppConfigFeatureFlags } from '../../adapters/appconfig-feature-flags';
import { DynamoCartRepository } from '../../adapters/dynamodb-cart-repository';
import { DynamoCatalogCopy } from '../../adapters/dynamodb-catalog-copy';
import { DynamoCustomerCopy } from '../../adapters/dynamodb-customer-copy';
import { PaymentsTokenClient, secretsManagerApiKey } from '../../adapters/payments-token-client';
import { featureFlagsLocation, paymentsApiKeySecretArn, paymentsUrl, shopCurrency, tableName } from '../config';
import { documentClient } from '../dependencies';
import { makePriceCheckout } from './price-checkout-task';
import type { PricedOrder } from './priced-order';
import { CheckoutTaskError, toTaskError } from './task-errors';

const table = { doc: documentClient, tableName: tableName() };
const priceCheckout = makePriceCheckout({
  carts: new DynamoCartRepository(table),
  catalog: new DynamoCatalogCopy(table),
  customers: new DynamoCustomerCopy(table),
  paymentTokens: new PaymentsTokenClient({
    baseUrl: paymentsUrl(),
    apiKey: secretsManagerApiKey(paymentsApiKeySecretArn(), tracer.captureAWSv3Client(new SecretsManagerClient({}))),
  }),
  flags: new AppConfigFeatureFlags({
    ...featureFlagsLocation(),
    client: tracer.captureAWSv3Client(new AppConfigDataClient({})),
  }),
  currency: shopCurrency(),
});

const task = middy<unknown, PricedOrder>()
  .use(observability())
  .handler(async (input) => {
    try {
      const order = await priceCheckout(input);
      metrics.addMetric('CheckoutPriced', 'Count', 1);
      logger.info('Checkout priced', {
        orderId: order.orderId,
        itemCount: order.itemCount,
        brand: order.payment.brand,
      });
      return order;
    } catch (error) {
      const taskError = toTaskError(error);
      if (taskError instanceof CheckoutTaskError) {
        metrics.addMetric('CheckoutRefused', 'Count', 1);
        logger.info('Checkout refused', { code: taskError.code });
      } else {
        logger.error('Checkout could not be priced', { error });
      }
      throw taskError;
    }
  });

/** The correlation id the intake passed on, if it is one we can log; a new one otherwise. */
function correlationOf(input: unknown) {
  const { correlationId, requestId } = (input ?? {}) as { correlationId?: unknown; requestId?: unknown };
  return {
    correlationId: isUsableCorrelationId(correlationId) ? correlationId : newCorrelationId(),
    ...(typeof requestId === 'string' && { causationId: requestId }),
  };
}

/**
 * The PriceCheckout task of the CheckoutIntake state machine (a plain Lambda task). It answers the
 * priced order, or throws a `CheckoutTaskError` whose name is the refusal's code (`ORDERS.EMPTY_CART`),
 * which the state machine's Catch sees as `Error`.
 */
export const handler = (input: unknown, context: Context): Promise<PricedOrder> =>
  withCorrelation(correlationOf(input), () => task(input, context));
