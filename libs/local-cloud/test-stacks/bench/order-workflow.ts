import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import * as tasks from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { Construct } from 'constructs';

export interface OrderWorkflowProps {
  readonly table: ITableV2;
  readonly priceOrderFunction: IFunction;
}

/**
 * A ten-state Standard workflow mixing the state types a service's workflow uses: Pass (5), Choice (2),
 * Task (a Lambda invoke and a DynamoDB putItem) and Succeed. An execution visits 8 or 9 of them, depending
 * on its input (`lines` total above 100, `customer: 'new'`).
 */
export class OrderWorkflow extends Construct {
  readonly stateMachine: sfn.StateMachine;

  constructor(scope: Construct, id: string, props: OrderWorkflowProps) {
    super(scope, id);
    const validateOrder = new sfn.Pass(this, 'ValidateOrder', {
      parameters: { 'orderId.$': '$.orderId', 'customer.$': '$.customer', 'lines.$': '$.lines' },
    });
    const priceOrder = new tasks.LambdaInvoke(this, 'PriceOrder', {
      lambdaFunction: props.priceOrderFunction,
      payloadResponseOnly: true,
      resultPath: '$.priced',
    });
    const applyDiscount = new sfn.Pass(this, 'ApplyDiscount', { result: sfn.Result.fromNumber(0.1), resultPath: '$.discount' });
    const keepPrice = new sfn.Pass(this, 'KeepPrice', { result: sfn.Result.fromNumber(0), resultPath: '$.discount' });
    const isLargeOrder = new sfn.Choice(this, 'IsLargeOrder')
      .when(sfn.Condition.numberGreaterThan('$.priced.total', 100), applyDiscount)
      .otherwise(keepPrice)
      .afterwards();
    const saveOrder = new tasks.DynamoPutItem(this, 'SaveOrder', {
      table: props.table,
      item: {
        pk: tasks.DynamoAttributeValue.fromString(sfn.JsonPath.format('ORDER#{}', sfn.JsonPath.stringAt('$.orderId'))),
        total: tasks.DynamoAttributeValue.numberFromString(sfn.JsonPath.jsonToString(sfn.JsonPath.numberAt('$.priced.total'))),
      },
      resultPath: sfn.JsonPath.DISCARD,
    });
    const addShipping = new sfn.Pass(this, 'AddShipping', { result: sfn.Result.fromObject({ method: 'standard' }), resultPath: '$.shipping' });
    const orderPriced = new sfn.Succeed(this, 'OrderPriced');
    const flagForReview = new sfn.Pass(this, 'FlagForReview', { result: sfn.Result.fromBoolean(true), resultPath: '$.review' }).next(orderPriced);
    const needsReview = new sfn.Choice(this, 'NeedsReview')
      .when(sfn.Condition.stringEquals('$.customer', 'new'), flagForReview)
      .otherwise(orderPriced);
    this.stateMachine = new sfn.StateMachine(this, 'StateMachine', {
      stateMachineType: sfn.StateMachineType.STANDARD,
      definitionBody: sfn.DefinitionBody.fromChainable(validateOrder.next(priceOrder).next(isLargeOrder).next(saveOrder).next(addShipping).next(needsReview)),
    });
  }
}
