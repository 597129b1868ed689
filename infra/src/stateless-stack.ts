import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as events from 'aws-cdk-lib/aws-events';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { OrdersService } from '@shop/orders/infra';
import type { OrdersData } from '@shop/orders/infra';
import { ProductsService } from '@shop/products/infra';
import type { Construct } from 'constructs';
import type { StageConfig } from './config';
import { ApiGatewayLogging } from './platform/api-gateway-logging';
import { ShopFeatureFlags } from './platform/feature-flags';
import { ShopHttpApi } from './platform/http-api';
import type { ProductsData } from '@shop/products/infra';

export interface StatelessStackProps extends StackProps {
  readonly config: StageConfig;
  /** From the stateful stack. */
  readonly bus: events.IEventBus;
  /** From the stateful stack: the API's JWT authorizer trusts tokens of this pool issued to these clients. */
  readonly userPool: cognito.IUserPool;
  readonly apiClients: readonly cognito.IUserPoolClient[];
  /** From the stateful stack: each service's tables and buckets. */
  readonly products: Pick<ProductsData, 'table' | 'idempotencyTable' | 'imagesBucket'>;
  readonly orders: Pick<OrdersData, 'table' | 'idempotencyTable'>;
  /** From the payments stack: where the checkout authorizes payments, and the API key it sends. */
  readonly payments: { readonly url: string; readonly apiKeySecret: secretsmanager.ISecret };
}

/**
 * The HTTP API, the feature flags, and the products and orders services: one construct each
 * (`new OrdersService(this, 'Orders', { bus: this.bus, ... })`), built from the stateful stack's resources through
 * typed props. Invoices and users have stacks of their own (`ServiceStack`, ADR 28) that add their routes to
 * this API. Holds no data, so it is safe to destroy and redeploy.
 */
export class StatelessStack extends Stack {
  readonly config: StageConfig;
  readonly bus: events.IEventBus;
  readonly api: ShopHttpApi;
  readonly flags: ShopFeatureFlags;
  readonly products: ProductsService;
  readonly orders: OrdersService;

  constructor(scope: Construct, id: string, props: StatelessStackProps) {
    const { config, bus, userPool, apiClients, products, orders, payments, ...stackProps } = props;
    super(scope, id, stackProps);
    this.config = config;
    this.bus = bus;
    this.api = new ShopHttpApi(this, 'Api', { userPool, clients: apiClients });
    new CfnOutput(this, 'ApiUrl', { value: this.api.url, description: 'The shop HTTP API' });

    this.flags = new ShopFeatureFlags(this, 'FeatureFlags', {
      environmentName: config.stageName,
      gradualRollout: config.gradualRollout,
    });
    // The storefront evaluates the same flags as the backend: it needs to know where they are.
    new CfnOutput(this, 'FeatureFlagsApplicationId', {
      value: this.flags.applicationId,
      description: 'AppConfig application',
    });
    new CfnOutput(this, 'FeatureFlagsEnvironmentId', {
      value: this.flags.environmentId,
      description: 'AppConfig environment',
    });
    new CfnOutput(this, 'FeatureFlagsProfileId', {
      value: this.flags.configurationProfileId,
      description: 'AppConfig feature-flag configuration profile',
    });

    this.products = new ProductsService(this, 'Products', {
      ...products,
      bus,
      stageName: config.stageName,
      httpApi: this.api.httpApi,
      adminAuthorizer: this.api.authorizer,
      seedCatalog: config.seedCatalog,
      rollout: config.rollout,
    });

    new ApiGatewayLogging(this, 'ApiGatewayLogging');
    this.orders = new OrdersService(this, 'Orders', {
      ...orders,
      bus,
      stageName: config.stageName,
      httpApi: this.api.httpApi,
      jwtAuthorizer: this.api.authorizer,
      userPool,
      payments,
      flags: this.flags,
      rollout: config.rollout,
    });
    new CfnOutput(this, 'CheckoutApiUrl', { value: this.orders.checkoutApiUrl, description: 'POST /checkout' });
  }
}
