import { CfnOutput, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { E2eFunction, handlerEntry, newE2eApp } from './service-function';

// Short enough for a test to see a message fail twice and reach the DLQ. The queue's visibility timeout is
// twice the function's (Lambda requires at least equal), so a batch that runs long on a busy machine is not
// received a second time while it is still being processed.
const TIMEOUT = Duration.seconds(3);
const VISIBILITY_TIMEOUT = Duration.seconds(6);

/** A queue with a DLQ (two receives), consumed in batches with partial failures by a function that writes a table. */
class PaymentsStack extends Stack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    const table = new dynamodb.TableV2(this, 'PaymentsTable', {
      partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const deadLetterQueue = new sqs.Queue(this, 'PaymentsDlq', { enforceSSL: true });
    const queue = new sqs.Queue(this, 'PaymentsQueue', {
      visibilityTimeout: VISIBILITY_TIMEOUT,
      deadLetterQueue: { queue: deadLetterQueue, maxReceiveCount: 2 },
      enforceSSL: true,
    });
    const recordPayments = new E2eFunction(this, 'RecordPaymentsFunction', {
      entry: handlerEntry('record-payments'),
      serviceName: 'payments',
      timeout: TIMEOUT,
      environment: { TABLE_NAME: table.tableName },
    });
    recordPayments.addEventSource(
      new SqsEventSource(queue, { batchSize: 10, maxBatchingWindow: Duration.seconds(1), reportBatchItemFailures: true }),
    );
    table.grantWriteData(recordPayments);
    new CfnOutput(this, 'QueueUrl', { value: queue.queueUrl });
    new CfnOutput(this, 'DeadLetterQueueUrl', { value: deadLetterQueue.queueUrl });
    new CfnOutput(this, 'TableName', { value: table.tableName });
  }
}

/**
 * Synthesizes the "Payments" stack into `outdir` (bundling its function with esbuild) and returns the folder.
 *
 * @example
 * const cdkOut = synthPaymentsQueueApp(mkdtempSync(join(tmpdir(), 'cdk-')));
 */
export function synthPaymentsQueueApp(outdir: string): string {
  const app = newE2eApp(outdir);
  new PaymentsStack(app, 'Payments');
  app.synth();
  return outdir;
}
