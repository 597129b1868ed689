import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';

export interface InvoicesDataProps {
  /**
   * Keep the tables and the bucket when they leave the stack (prod): RETAIN, and the tables protected from
   * deletion. Otherwise (dev, staging) they are destroyed with the stack, the bucket emptied first.
   */
  readonly retain: boolean;
}

const stringKey = (name: string) => ({ name, type: dynamodb.AttributeType.STRING });

/**
 * The invoices service's state, for the stateful stack: the invoices table (documents, number counters and
 * taken numbers), the idempotency table of the event consumers, and the private PDF bucket. Nothing has a
 * physical name; the stateless `InvoicesService` receives these through its props.
 */
export class InvoicesData extends Construct {
  /** Keys `pk`/`sk`: the service README's item design. */
  readonly table: dynamodb.ITableV2;
  /** Powertools idempotency records of the SQS consumers. */
  readonly idempotencyTable: dynamodb.ITableV2;
  /** The invoices' and credit notes' PDFs: private, TLS only, encrypted, versioned. */
  readonly bucket: s3.IBucket;

  constructor(scope: Construct, id: string, props: InvoicesDataProps) {
    super(scope, id);
    const removalPolicy = props.retain ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
    this.table = new dynamodb.TableV2(this, 'InvoicesTable', {
      partitionKey: stringKey('pk'),
      sortKey: stringKey('sk'),
      billing: dynamodb.Billing.onDemand(),
      encryption: dynamodb.TableEncryptionV2.awsManagedKey(),
      // Invoices are accounting records that must be kept for years: recoverable to any second of the last 35 days.
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
    this.bucket = makePdfBucket(this, props.retain, removalPolicy);
  }
}

function makePdfBucket(scope: Construct, retain: boolean, removalPolicy: RemovalPolicy): s3.Bucket {
  const bucket = new s3.Bucket(scope, 'PdfBucket', {
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    enforceSSL: true,
    encryption: s3.BucketEncryption.S3_MANAGED,
    // A PDF is rewritten only with the same bytes; versioning keeps any overwrite by mistake recoverable.
    versioned: true,
    lifecycleRules: [
      { noncurrentVersionExpiration: Duration.days(30), abortIncompleteMultipartUploadAfter: Duration.days(1) },
    ],
    removalPolicy,
    // A bucket that still holds objects cannot be deleted, so a destroyed stage empties it first.
    autoDeleteObjects: !retain,
  });
  Validations.of(bucket.node.defaultChild as s3.CfnBucket).acknowledge({
    id: 'AwsSolutions::AwsSolutions-S1',
    reason:
      'Only the invoices functions’ roles write and read the PDFs (CloudTrail records their calls), and customers ' +
      'read them through presigned URLs signed by those roles; server access logs would add a log bucket per stage.',
  });
  return bucket;
}
