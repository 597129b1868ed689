import { CfnOutput, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import * as tasks from 'aws-cdk-lib/aws-stepfunctions-tasks';
import type { Construct } from 'constructs';
import { E2eFunction, handlerEntry, newE2eApp } from './service-function';

/** A Standard workflow: a Lambda task prices the order, a DynamoDB putItem task (no Lambda) saves it. */
class CheckoutStack extends Stack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    const table = new dynamodb.TableV2(this, 'OrdersTable', {
      partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const priceOrderFunction = new E2eFunction(this, 'PriceOrderFunction', { entry: handlerEntry('price-order'), serviceName: 'orders' });
    const priceOrder = new tasks.LambdaInvoke(this, 'PriceOrder', {
      lambdaFunction: priceOrderFunction,
      resultSelector: { 'total.$': '$.Payload.total' },
      resultPath: '$.priced',
    });
    const saveOrder = new tasks.DynamoPutItem(this, 'SaveOrder', {
      table,
      item: {
        pk: tasks.DynamoAttributeValue.fromString(sfn.JsonPath.format('ORDER#{}', sfn.JsonPath.stringAt('$.orderId'))),
        amount: tasks.DynamoAttributeValue.numberFromString(sfn.JsonPath.jsonToString(sfn.JsonPath.numberAt('$.priced.total.amount'))),
        currency: tasks.DynamoAttributeValue.fromString(sfn.JsonPath.stringAt('$.priced.total.currency')),
        status: tasks.DynamoAttributeValue.fromString('PRICED'),
      },
      resultPath: sfn.JsonPath.DISCARD,
    });
    const checkout = new sfn.StateMachine(this, 'CheckoutWorkflow', {
      stateMachineType: sfn.StateMachineType.STANDARD,
      definitionBody: sfn.DefinitionBody.fromChainable(priceOrder.next(saveOrder)),
    });
    new CfnOutput(this, 'StateMachineArn', { value: checkout.stateMachineArn });
    new CfnOutput(this, 'TableName', { value: table.tableName });
  }
}

/**
 * Synthesizes the "Checkout" stack into `outdir` (bundling its function with esbuild) and returns the folder.
 *
 * @example
 * const cdkOut = synthCheckoutWorkflowApp(mkdtempSync(join(tmpdir(), 'cdk-')));
 */
export function synthCheckoutWorkflowApp(outdir: string): string {
  const app = newE2eApp(outdir);
  new CheckoutStack(app, 'Checkout');
  app.synth();
  return outdir;
}
