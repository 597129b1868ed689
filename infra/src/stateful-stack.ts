import { addSourceOwnershipPolicy, EVENT_SOURCE_PREFIX } from '@shop/cdk-constructs';
import { InvoicesData } from '@shop/invoices/infra';
import { OrdersData } from '@shop/orders/infra';
import { ProductsData } from '@shop/products/infra';
import { UsersData, UsersIdentity } from '@shop/users/infra';
import { CfnOutput, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import type { Construct } from 'constructs';
import type { StageConfig } from './config';

export interface StatefulStackProps extends StackProps {
  readonly config: StageConfig;
}

/**
 * What holds data or identity and must outlive deployments: the `shop` event bus and its archive, the user
 * pool, and each service's tables and buckets. RETAINed, and the stack protected from deletion, in prod.
 */
export class StatefulStack extends Stack {
  /** The bus every service publishes its facts to and subscribes on with rules it owns. */
  readonly bus: events.IEventBus;
  /**
   * Customers and staff (Cognito, owned by the users service): the API's JWT authorizer trusts this pool. Its
   * post-confirmation trigger lives here with it: a pool names its triggers, so a trigger in the stateless stack
   * would make the two stacks depend on each other (ADR 0019).
   */
  readonly identity: UsersIdentity;
  /** The invoices service's tables and PDF bucket. */
  readonly invoices: InvoicesData;
  /** The users service's profiles table. */
  readonly users: UsersData;
  /** The products service's tables and images bucket. */
  readonly products: ProductsData;
  /** The orders service's tables. */
  readonly orders: OrdersData;

  constructor(scope: Construct, id: string, props: StatefulStackProps) {
    const { config, ...stackProps } = props;
    super(scope, id, { ...stackProps, terminationProtection: config.retainStatefulResources });
    const removalPolicy = config.retainStatefulResources ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;

    // No physical name: consumers get the name and ARN from this construct, never from a string.
    const bus = new events.EventBus(this, 'EventBus', {
      description: 'Shop domain events: each service publishes the facts of its own source (shop.<service>)',
    });
    bus.applyRemovalPolicy(removalPolicy);
    addSourceOwnershipPolicy(bus);

    // Archive the domain events so a new consumer can be backfilled, or a read model rebuilt, by replay.
    const archive = bus.archive('EventArchive', {
      description: 'Every shop.* event, kept for replay',
      eventPattern: { source: events.Match.prefix(EVENT_SOURCE_PREFIX) },
      retention: config.archiveRetention,
    });
    archive.applyRemovalPolicy(removalPolicy);
    this.bus = bus;

    this.products = new ProductsData(this, 'Products', { retain: config.retainStatefulResources });
    this.orders = new OrdersData(this, 'Orders', { retain: config.retainStatefulResources });

    this.invoices = new InvoicesData(this, 'Invoices', { retain: config.retainStatefulResources });
    this.users = new UsersData(this, 'Users', { retain: config.retainStatefulResources });
    // The id 'Identity' keeps the pool's logical ids: an existing pool and its users are kept on update.
    this.identity = new UsersIdentity(this, 'Identity', {
      retain: config.retainStatefulResources,
      table: this.users.table,
      bus,
      stageName: config.stageName,
    });
    new CfnOutput(this, 'ImagesBucketName', {
      value: this.products.imagesBucket.bucketName,
      description: "The products' images (private: served through a CDN in AWS, a local server by npm start)",
    });
    new CfnOutput(this, 'EventBusName', { value: bus.eventBusName, description: 'The shop event bus' });
    new CfnOutput(this, 'UserPoolId', { value: this.identity.userPool.userPoolId, description: 'Cognito user pool' });
    new CfnOutput(this, 'StorefrontClientId', {
      value: this.identity.storefrontClient.userPoolClientId,
      description: "The storefront's Cognito app client",
    });
  }
}
