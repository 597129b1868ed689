import { RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { ORDERS_TABLE_DESIGN } from '../src';

export interface OrdersDataProps {
  /**
   * Keep the tables when they leave the stack (prod): RETAIN, and protected from deletion. Otherwise (dev,
   * staging) they are destroyed with the stack.
   */
  readonly retain: boolean;
}

const stringKey = (name: string) => ({ name, type: dynamodb.AttributeType.STRING });

/**
 * The orders service's state, for the stateful stack: the orders table (carts, the catalog copy, orders and
 * the customers' cart pointers) and the idempotency table of the event consumers. Nothing has a physical
 * name; the stateless `OrdersService` receives both through its props.
 */
export class OrdersData extends Construct {
  /** Keys, TTL and the `byCustomer` index as `ORDERS_TABLE_DESIGN` (the service README's item design) says. */
  readonly table: dynamodb.ITableV2;
  /** Powertools idempotency records of the SQS consumers. */
  readonly idempotencyTable: dynamodb.ITableV2;

  constructor(scope: Construct, id: string, props: OrdersDataProps) {
    super(scope, id);
    const removalPolicy = props.retain ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
    const { partitionKey, sortKey, timeToLiveAttribute, byCustomerIndex } = ORDERS_TABLE_DESIGN;
    this.table = new dynamodb.TableV2(this, 'OrdersTable', {
      partitionKey: stringKey(partitionKey),
      sortKey: stringKey(sortKey),
      globalSecondaryIndexes: [
        {
          indexName: byCustomerIndex.indexName,
          partitionKey: stringKey(byCustomerIndex.partitionKey),
          sortKey: stringKey(byCustomerIndex.sortKey),
          // The order list answers from the index alone: no GetItem per order.
          projectionType: dynamodb.ProjectionType.ALL,
        },
      ],
      // Guest carts expire (TTL deletes them days late; the domain decides expiry, not the item's existence).
      timeToLiveAttribute,
      billing: dynamodb.Billing.onDemand(),
      // An AWS managed key: each use of the key is visible in CloudTrail, at the AWS owned key's price.
      encryption: dynamodb.TableEncryptionV2.awsManagedKey(),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: props.retain,
      removalPolicy,
    });
    this.idempotencyTable = new dynamodb.TableV2(this, 'IdempotencyTable', {
      partitionKey: stringKey('id'),
      timeToLiveAttribute: 'expiration',
      billing: dynamodb.Billing.onDemand(),
      encryption: dynamodb.TableEncryptionV2.awsManagedKey(),
      // No point-in-time recovery: records only matter for the idempotency window.
      deletionProtection: props.retain,
      removalPolicy,
    });
  }
}
