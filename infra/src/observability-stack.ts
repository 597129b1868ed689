import { type ServiceDashboardProps, ServiceDashboard, ServiceFunction } from '@shop/cdk-constructs';
import { Duration, Stack, type StackProps } from 'aws-cdk-lib';
import type * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type { Construct } from 'constructs';
import type { StageConfig } from './config';
import { ApiAlarms } from './observability/api-alarms';
import { acknowledgeCustomResourceProvider, CanaryCustomer } from './observability/canary-customer';
import { ShopObservability } from './observability/shop-observability';
import { StageParameters } from './observability/stage-parameters';
import type { StatefulStack } from './stateful-stack';
import type { InvoicesService } from '@shop/invoices/infra';
import type { UsersService } from '@shop/users/infra';
import type { StatelessStack } from './stateless-stack';

/** p99 latency the HTTP API's routes (catalog, carts, orders, profiles: a function and a table each) stay under. */
export const HTTP_API_P99_LATENCY = Duration.seconds(2);
/** p99 latency of POST /checkout: it prices the cart and starts the workflow synchronously (intake budget: 25 s). */
export const CHECKOUT_API_P99_LATENCY = Duration.seconds(5);

export interface ObservabilityStackProps extends StackProps {
  readonly config: StageConfig;
  /** The bus and the identity (the users service's post-confirmation trigger lives with the pool). */
  readonly stateful: Pick<StatefulStack, 'bus' | 'identity'>;
  readonly services: Pick<StatelessStack, 'api' | 'flags' | 'orders' | 'products'> & {
    readonly invoices: InvoicesService;
    readonly users: UsersService;
  };
  /**
   * The hosted storefront's URL: the checkout canary browses it, signed in as a customer this stack creates in the
   * pool (CanaryCustomer). @default - no canary
   */
  readonly storefront?: { readonly url: string };
}

/**
 * How a stage is watched and found: the business dashboard, saved queries and (with a storefront) the checkout
 * canary; one dashboard per service with its functions, workflows, queues, APIs and alarms; the API alarms no
 * service owns; and the stage's endpoints in SSM Parameter Store for the tools that need them. It only reads
 * the other stacks (weak cross-stack references), so it can be destroyed and redeployed alone.
 */
export class ObservabilityStack extends Stack {
  readonly shop: ShopObservability;
  readonly dashboards: Record<'orders' | 'products' | 'invoices' | 'users' | 'httpApi', ServiceDashboard>;
  readonly httpApiAlarms: ApiAlarms;
  readonly checkoutApiAlarms: ApiAlarms;
  readonly parameters: StageParameters;

  constructor(scope: Construct, id: string, props: ObservabilityStackProps) {
    const { config, stateful, services, storefront, ...stackProps } = props;
    super(scope, id, stackProps);
    const { api, orders, products, invoices, users } = services;
    const identity = stateful.identity;
    this.httpApiAlarms = new ApiAlarms(this, 'HttpApiAlarms', {
      name: 'HTTP API',
      api: api.httpApi,
      p99LatencyThreshold: HTTP_API_P99_LATENCY,
    });
    this.checkoutApiAlarms = new ApiAlarms(this, 'CheckoutApiAlarms', {
      name: 'checkout API',
      api: orders.checkoutApi.restApi,
      p99LatencyThreshold: CHECKOUT_API_P99_LATENCY,
      // CheckoutAlarms (orders) already alarms on its 5xx.
      serverErrors: false,
    });
    const functions = {
      orders: Object.values(orders.functions),
      products: definedFunctions(products.functions),
      invoices: Object.values(invoices.functions),
      users: [...Object.values(users.functions), identity.postConfirmationFunction],
    };
    const dashboard = (service: string, dashboardProps: Omit<ServiceDashboardProps, 'serviceName'>) =>
      new ServiceDashboard(this, `${service.charAt(0).toUpperCase()}${service.slice(1)}Dashboard`, {
        serviceName: service,
        ...dashboardProps,
      });
    this.dashboards = {
      orders: dashboard('orders', {
        functions: functions.orders,
        queues: Object.values(orders.inboxes).map(({ inbox }) => inbox),
        stateMachines: [orders.checkout.stateMachine, orders.intake.stateMachine],
        apis: [{ name: 'Checkout API', api: orders.checkoutApi.restApi }],
        alarms: [...orders.alarms, ...this.checkoutApiAlarms.alarms],
      }),
      products: dashboard('products', {
        functions: functions.products,
        queues: Object.values(products.inboxes).map(({ inbox }) => inbox),
        alarms: products.alarms,
      }),
      invoices: dashboard('invoices', {
        functions: functions.invoices,
        queues: Object.values(invoices.inboxes).map(({ inbox }) => inbox),
        alarms: invoices.alarms,
      }),
      users: dashboard('users', { functions: functions.users, alarms: [...users.alarms, ...identity.alarms] }),
      httpApi: dashboard('HTTP API', {
        apis: [{ name: 'HTTP API', api: api.httpApi }],
        alarms: this.httpApiAlarms.alarms,
      }),
    };
    this.shop = new ShopObservability(this, 'Shop', {
      stageName: config.stageName,
      logGroups: Object.values(functions)
        .flat()
        .filter((fn): fn is ServiceFunction => fn instanceof ServiceFunction)
        .map((fn) => fn.serviceLogGroup),
      storefront: storefront && {
        url: storefront.url,
        customerSecret: new CanaryCustomer(this, 'CanaryCustomer', {
          userPool: identity.userPool,
          stageName: config.stageName,
        }).secret,
      },
      alarms: businessAlarms(this),
    });
    if (storefront) acknowledgeCustomResourceProvider(this);
    this.parameters = new StageParameters(this, 'Parameters', {
      stageName: config.stageName,
      values: {
        'api/url': api.url,
        'checkout-api/url': orders.checkoutApiUrl,
        'event-bus/name': stateful.bus.eventBusName,
        'identity/user-pool-id': identity.userPool.userPoolId,
        'identity/storefront-client-id': identity.storefrontClient.userPoolClientId,
        'feature-flags/application-id': services.flags.applicationId,
        'feature-flags/environment-id': services.flags.environmentId,
        'feature-flags/profile-id': services.flags.configurationProfileId,
      },
    });
  }
}

function definedFunctions(functions: object): lambda.IFunction[] {
  return Object.values(functions).filter((fn): fn is lambda.IFunction => fn !== undefined);
}

/** What a business owner watches beside the canary: customers getting errors or waiting at checkout. */
function businessAlarms(stack: ObservabilityStack): cloudwatch.IAlarm[] {
  return [...stack.httpApiAlarms.alarms, ...stack.checkoutApiAlarms.alarms];
}
