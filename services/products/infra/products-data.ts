import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';

/** The table's index names, fixed by the service's item design (see the service README). */
export const PRODUCTS_TABLE_INDEXES = {
  byCategory: { indexName: 'byCategory', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
  bySku: { indexName: 'bySku', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
} as const;

export interface ProductsDataProps {
  /**
   * Keep the tables and the bucket when they leave the stack (prod): RETAIN, and the tables protected from
   * deletion. Otherwise (dev, staging) they are destroyed with the stack, the bucket emptied first.
   */
  readonly retain: boolean;
}

/**
 * The products service's state, for the stateful stack: the products table (catalog, stock and the
 * transactional outbox, with its stream), the idempotency table of the event consumers, and the images bucket.
 * Nothing has a physical name; the stateless `ProductsService` receives these through its props.
 */
export class ProductsData extends Construct {
  /** Products, stock per SKU and outbox items. Its stream (`tableStreamArn`) feeds the outbox publisher. */
  readonly table: dynamodb.ITableV2;
  /** Powertools idempotency records of the SQS consumers. */
  readonly idempotencyTable: dynamodb.ITableV2;
  /** Product images, keyed like `products/mug-enamel-blu.svg`. Private: clients get them through a CDN or URL. */
  readonly imagesBucket: s3.IBucket;

  constructor(scope: Construct, id: string, props: ProductsDataProps) {
    super(scope, id);
    const removalPolicy = props.retain ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
    this.table = makeProductsTable(this, props.retain, removalPolicy);
    this.idempotencyTable = new dynamodb.TableV2(this, 'IdempotencyTable', {
      partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING },
      timeToLiveAttribute: 'expiration',
      billing: dynamodb.Billing.onDemand(),
      encryption: dynamodb.TableEncryptionV2.awsManagedKey(),
      // No point-in-time recovery: records only live for the idempotency window; restoring them is pointless.
      deletionProtection: props.retain,
      removalPolicy,
    });
    this.imagesBucket = makeImagesBucket(this, props.retain, removalPolicy);
  }
}

function makeProductsTable(scope: Construct, retain: boolean, removalPolicy: RemovalPolicy): dynamodb.TableV2 {
  const key = (name: string) => ({ name, type: dynamodb.AttributeType.STRING });
  return new dynamodb.TableV2(scope, 'ProductsTable', {
    partitionKey: key('pk'),
    sortKey: key('sk'),
    globalSecondaryIndexes: Object.values(PRODUCTS_TABLE_INDEXES).map((index) => ({
      indexName: index.indexName,
      partitionKey: key(index.partitionKey),
      sortKey: key(index.sortKey),
      projectionType: dynamodb.ProjectionType.ALL,
    })),
    // The outbox publisher reads the stream; old images are kept for consumers that compare before and after.
    dynamoStream: dynamodb.StreamViewType.NEW_AND_OLD_IMAGES,
    // Outbox items expire once published (and hold a day of history to republish from, if needed).
    timeToLiveAttribute: 'expiresAt',
    billing: dynamodb.Billing.onDemand(),
    // An AWS managed key rather than the default AWS owned one: same cost model for us, and each use of the key
    // is visible in CloudTrail.
    encryption: dynamodb.TableEncryptionV2.awsManagedKey(),
    pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
    deletionProtection: retain,
    removalPolicy,
  });
}

function makeImagesBucket(scope: Construct, retain: boolean, removalPolicy: RemovalPolicy): s3.Bucket {
  const bucket = new s3.Bucket(scope, 'ImagesBucket', {
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    enforceSSL: true,
    encryption: s3.BucketEncryption.S3_MANAGED,
    versioned: true,
    lifecycleRules: [
      // Versioning protects against an overwrite by mistake; old versions need not be kept forever.
      { noncurrentVersionExpiration: Duration.days(30), abortIncompleteMultipartUploadAfter: Duration.days(1) },
    ],
    removalPolicy,
    // A bucket that still holds objects cannot be deleted, so a destroyed stage empties it first.
    autoDeleteObjects: !retain,
  });
  Validations.of(bucket.node.defaultChild as s3.CfnBucket).acknowledge({
    id: 'AwsSolutions::AwsSolutions-S1',
    reason:
      'Product images are public catalog content, written only by the service’s own roles (whose calls ' +
      'CloudTrail records); server access logs would add a log bucket per stage with no audit need.',
  });
  return bucket;
}
