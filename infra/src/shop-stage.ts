import { Aspects, CfnResource, type IAspect, Stage, type StageProps, Tags } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { InvoicesService } from '@shop/invoices/infra';
import { PaymentsStack } from '@shop/payments/infra';
import { UsersService } from '@shop/users/infra';
import type { Construct, IConstruct } from 'constructs';
import type { StageConfig } from './config';
import { ObservabilityStack } from './observability-stack';
import { ServiceStack } from './service-stack';
import { StatefulStack } from './stateful-stack';
import { StatelessStack } from './stateless-stack';
import { ImagesCdn, StorefrontStack } from './storefront';

export interface ShopStageProps extends StageProps {
  readonly config: StageConfig;
}

/**
 * One deployable copy of Shop (dev, staging or prod): the stateful stack, the payment sandbox, the stateless
 * stack that builds on them, and the observability stack that watches the lot. A pipeline deploys the same stage
 * class to each environment; every function in it runs on arm64.
 */
export class ShopStage extends Stage {
  readonly stateful: StatefulStack;
  readonly stateless: StatelessStack;
  /** Invoices and users, each in a stateless stack of its own (ADR 28). */
  readonly invoices: ServiceStack<InvoicesService>;
  readonly users: ServiceStack<UsersService>;
  /** The payment sandbox, standing in for a card processor: a third party, so a stack of its own. */
  readonly payments: PaymentsStack;
  /** Dashboards, the alarms no service owns, saved queries, the canary, and the stage's SSM parameters. */
  readonly observability: ObservabilityStack;
  /** The Next.js storefront on Lambda behind CloudFront (ADR 26), in stages whose config hosts it. */
  readonly storefront: StorefrontStack | undefined;

  constructor(scope: Construct, id: string, props: ShopStageProps) {
    const { config, ...stageProps } = props;
    super(scope, id, { ...stageProps, env: config.env });
    Tags.of(this).add('shop:stage', config.stageName);
    Aspects.of(this).add(new Arm64Functions());

    this.stateful = new StatefulStack(this, 'Stateful', { config });
    this.payments = new PaymentsStack(this, 'Payments', {
      retain: config.retainStatefulResources,
      rollout: config.rollout,
    });
    this.stateless = new StatelessStack(this, 'Stateless', {
      config,
      bus: this.stateful.bus,
      userPool: this.stateful.identity.userPool,
      apiClients: [this.stateful.identity.storefrontClient],
      products: this.stateful.products,
      orders: this.stateful.orders,
      payments: { url: this.payments.url, apiKeySecret: this.payments.apiKeySecret },
    });
    this.invoices = this.serviceStack('Invoices', (stack) => {
      return new InvoicesService(stack, 'Invoices', { ...this.stateful.invoices, ...this.shared(config) });
    });
    this.users = this.serviceStack('Users', (stack) => {
      const userPool = this.stateful.identity.userPool;
      return new UsersService(stack, 'Users', { ...this.stateful.users, userPool, ...this.shared(config) });
    });
    // Explicit, so the order holds even before a service references a stateful resource.
    this.stateless.addStackDependency(this.stateful, 'services use the bus and the tables of the stateful stack');
    this.stateless.addStackDependency(this.payments, 'the checkout pays through the payment sandbox');
    this.storefront = config.hostStorefront ? this.hostStorefront() : undefined;
    this.observability = new ObservabilityStack(this, 'Observability', {
      config,
      stateful: this.stateful,
      services: {
        api: this.stateless.api,
        flags: this.stateless.flags,
        orders: this.stateless.orders,
        products: this.stateless.products,
        invoices: this.invoices.service,
        users: this.users.service,
      },
      // Where the storefront is hosted, a Synthetics canary browses and checks out on it every few minutes.
      storefront: this.storefront && { url: this.storefront.url },
    });
    for (const stack of [this.stateless, this.invoices, this.users]) {
      this.observability.addStackDependency(stack, 'it charts and alarms on the services');
    }
  }

  /** What every service stack shares: the bus, the stage, the HTTP API and its authorizer, the rollout. */
  private shared(config: StageConfig) {
    return {
      bus: this.stateful.bus,
      stageName: config.stageName,
      httpApi: this.stateless.api.httpApi,
      jwtAuthorizer: this.stateless.api.authorizer,
      rollout: config.rollout,
    };
  }

  private serviceStack<T>(id: string, build: (stack: ServiceStack<T>) => T): ServiceStack<T> {
    const stack = new ServiceStack<T>(this, id, { build: (s) => build(s as ServiceStack<T>) });
    stack.addStackDependency(this.stateful, 'the service uses the bus and its tables in the stateful stack');
    stack.addStackDependency(this.stateless, 'the service adds its routes to the HTTP API of the stateless stack');
    return stack;
  }

  /** The images CDN sits beside its bucket (stateful); the storefront reads the other stacks' outputs. */
  private hostStorefront(): StorefrontStack {
    const images = new ImagesCdn(this.stateful, 'ImagesCdn', { bucket: this.stateful.products.imagesBucket });
    return new StorefrontStack(this, 'Storefront', {
      api: { url: this.stateless.api.url, checkoutApiUrl: this.stateless.orders.checkoutApiUrl },
      identity: { userPool: this.stateful.identity.userPool, client: this.stateful.identity.storefrontClient },
      payments: { url: this.payments.url, apiKeySecret: this.payments.apiKeySecret },
      flags: this.stateless.flags,
      imagesUrl: images.url,
    });
  }
}

/**
 * ServiceFunction runs on arm64; the handlers CDK adds itself (S3 auto-delete in dev, custom resource
 * providers) default to x86_64. They are plain JavaScript, so they run on arm64 too, at arm64's lower price.
 */
class Arm64Functions implements IAspect {
  visit(node: IConstruct): void {
    if (node instanceof lambda.CfnFunction) {
      node.architectures ??= [lambda.Architecture.ARM_64.name];
    } else if (node instanceof CfnResource && node.cfnResourceType === 'AWS::Lambda::Function') {
      node.addPropertyOverride('Architectures', [lambda.Architecture.ARM_64.name]);
    }
  }
}

/**
 * The construct id of a stage, which prefixes its stack names (`ShopProd-Stateful`).
 *
 * @example
 * stageId('prod'); // 'ShopProd'
 */
export function stageId(stageName: string): string {
  return `Shop${stageName.charAt(0).toUpperCase()}${stageName.slice(1)}`;
}
