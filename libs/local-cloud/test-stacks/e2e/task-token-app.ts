import { CfnOutput, Duration, Stack } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import * as tasks from 'aws-cdk-lib/aws-stepfunctions-tasks';
import type { Construct } from 'constructs';
import { E2eFunction, handlerEntry, newE2eApp } from './service-function';

/**
 * A Standard workflow that publishes Order.OrderPlaced with its task token and waits until a rule's Lambda
 * consumer resumes it: SendTaskSuccess continues to ConfirmOrder, SendTaskFailure (Inventory.OutOfStock) is
 * caught into the compensation path.
 */
class TaskTokenStack extends Stack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    const bus = new events.EventBus(this, 'OrdersBus');
    const reserveStock = new E2eFunction(this, 'ReserveStockFunction', { entry: handlerEntry('reserve-stock'), serviceName: 'inventory' });
    new events.Rule(this, 'OrderPlacedRule', {
      eventBus: bus,
      eventPattern: { source: ['shop.orders'], detailType: ['Order.OrderPlaced'] },
      targets: [new targets.LambdaFunction(reserveStock)],
    });
    const placeOrder = new tasks.EventBridgePutEvents(this, 'PublishOrderPlaced', {
      integrationPattern: sfn.IntegrationPattern.WAIT_FOR_TASK_TOKEN,
      entries: [
        {
          eventBus: bus,
          source: 'shop.orders',
          detailType: 'Order.OrderPlaced',
          detail: sfn.TaskInput.fromObject({
            orderId: sfn.JsonPath.stringAt('$.orderId'),
            outOfStock: sfn.JsonPath.objectAt('$.outOfStock'),
            taskToken: sfn.JsonPath.taskToken,
          }),
        },
      ],
      // Long enough for a cold Lambda on a busy machine; a lost consumer still ends the execution.
      taskTimeout: sfn.Timeout.duration(Duration.seconds(30)),
      resultPath: '$.reservation',
    });
    const compensate = new sfn.Pass(this, 'CancelOrder', { result: sfn.Result.fromObject({ status: 'CANCELLED' }), resultPath: '$.outcome' })
      .next(new sfn.Fail(this, 'OrderCancelled', { error: 'Order.Cancelled', cause: 'The stock could not be reserved' }));
    placeOrder.addCatch(compensate, { errors: ['Inventory.OutOfStock', sfn.Errors.TIMEOUT], resultPath: '$.error' });
    const confirm = new sfn.Pass(this, 'ConfirmOrder', { result: sfn.Result.fromObject({ status: 'CONFIRMED' }), resultPath: '$.outcome' });
    const workflow = new sfn.StateMachine(this, 'OrderWorkflow', {
      stateMachineType: sfn.StateMachineType.STANDARD,
      definitionBody: sfn.DefinitionBody.fromChainable(placeOrder.next(confirm)),
    });
    new CfnOutput(this, 'StateMachineArn', { value: workflow.stateMachineArn });
  }
}

/**
 * Synthesizes the "TaskToken" stack into `outdir` (bundling its function with esbuild) and returns the folder.
 *
 * @example
 * const cdkOut = synthTaskTokenApp(mkdtempSync(join(tmpdir(), 'cdk-')));
 */
export function synthTaskTokenApp(outdir: string): string {
  const app = newE2eApp(outdir);
  new TaskTokenStack(app, 'TaskToken');
  app.synth();
  return outdir;
}
