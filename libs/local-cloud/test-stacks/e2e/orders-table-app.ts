import { CfnOutput, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type { Construct } from 'constructs';
import { E2eFunction, handlerEntry, newE2eApp } from './service-function';

/** A table with a customer index and TTL, and the function that writes orders to it. */
class OrdersStack extends Stack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    const table = new dynamodb.TableV2(this, 'OrdersTable', {
      partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
      globalSecondaryIndexes: [
        {
          indexName: 'byCustomer',
          partitionKey: { name: 'customerId', type: dynamodb.AttributeType.STRING },
          sortKey: { name: 'placedAt', type: dynamodb.AttributeType.STRING },
        },
      ],
      timeToLiveAttribute: 'expiresAt',
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const saveOrder = new E2eFunction(this, 'SaveOrderFunction', {
      entry: handlerEntry('save-order'),
      serviceName: 'orders',
      environment: { TABLE_NAME: table.tableName },
    });
    table.grantWriteData(saveOrder);
    new CfnOutput(this, 'TableName', { value: table.tableName });
    new CfnOutput(this, 'SaveOrderFunctionName', { value: saveOrder.functionName });
  }
}

/**
 * Synthesizes the "Orders" stack into `outdir` (bundling its function with esbuild) and returns the folder.
 *
 * @example
 * const cdkOut = synthOrdersTableApp(mkdtempSync(join(tmpdir(), 'cdk-')));
 */
export function synthOrdersTableApp(outdir: string): string {
  const app = newE2eApp(outdir);
  new OrdersStack(app, 'Orders');
  app.synth();
  return outdir;
}
