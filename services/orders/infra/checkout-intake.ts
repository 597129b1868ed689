import { ArnFormat, Duration, Stack, Token, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import * as tasks from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { Construct } from 'constructs';
import type { StateMachineCanary } from '@shop/cdk-constructs';
import { CHECKOUT_ERROR_STATUS } from '../src';
import { WorkflowRole } from './workflow-role';

/** The intake's own refusal: this Idempotency-Key already started a checkout of something else. */
export const IDEMPOTENCY_KEY_REUSED = 'ORDERS.IDEMPOTENCY_KEY_REUSED';
/** Every error name the intake fails with on purpose, and the HTTP status the API answers it with. */
export const INTAKE_ERROR_STATUS: Readonly<Record<string, number>> = {
  ...CHECKOUT_ERROR_STATUS,
  [IDEMPOTENCY_KEY_REUSED]: 409,
};
/** What AWS names an optimized StartExecution refused because the name is taken (running with other input, or closed). */
export const EXECUTION_ALREADY_EXISTS = 'StepFunctions.ExecutionAlreadyExistsException';
/** Inside API Gateway's 29 s: the intake answers its own timeout (a 500) rather than leave the client a 504. */
export const INTAKE_TIMEOUT = Duration.seconds(25);
/** What makes two checkouts the same (the correlation id of a retried request may differ; the order id is derived). */
export const SAME_CHECKOUT_FIELDS = ['customer', 'lines', 'totals', 'shippingAddress', 'billingAddress', 'payment'];

export interface CheckoutIntakeProps {
  /** What the PriceCheckout task invokes: the function's `live` alias (LiveAlias), never the function. */
  readonly priceCheckout: lambda.IFunction;
  /** The Checkout state machine: its executions are looked up by name to recognise a retried request. */
  readonly checkout: sfn.StateMachine;
  /** The Checkout's `live` alias, which StartCheckout starts: each execution runs the version it routes to. */
  readonly checkoutLive: Pick<StateMachineCanary, 'aliasArn'>;
}

/**
 * The Express `CheckoutIntake` state machine, run by the REST API with StartSyncExecution. Input:
 * `{ body, customerId, idempotencyKey, requestId, correlationId }`. PriceCheckout prices the cart (or refuses:
 * the execution fails with the refusal's code as error and its message as cause), then the Standard Checkout
 * starts through its `live` alias, named by the order id. Output: `{ orderId, executionArn }`. A retried request (same customer, key and
 * checkout) answers with the checkout already started, running or finished; the same key for a different
 * checkout fails with ORDERS.IDEMPOTENCY_KEY_REUSED.
 */
export class CheckoutIntake extends Construct {
  readonly stateMachine: sfn.StateMachine;
  readonly workflowRole: WorkflowRole;

  constructor(
    scope: Construct,
    id: string,
    private readonly props: CheckoutIntakeProps,
  ) {
    super(scope, id);
    this.workflowRole = new WorkflowRole(this, 'Execution', {
      description: 'Checkout intake: prices the checkout, starts the Checkout workflow',
    });
    this.stateMachine = new sfn.StateMachine(this, 'StateMachine', {
      stateMachineType: sfn.StateMachineType.EXPRESS,
      comment: 'Checkout intake: price the cart, then start (or find) the Checkout execution of the order',
      definitionBody: sfn.DefinitionBody.fromChainable(this.definition()),
      role: this.workflowRole.forStateMachine,
      timeout: INTAKE_TIMEOUT,
      tracingEnabled: true,
      // Express history lives only in these logs: every event, but no inputs (they hold addresses and emails).
      logs: { destination: this.workflowRole.logGroup, level: sfn.LogLevel.ALL, includeExecutionData: false },
    });
    this.grantWhatTheDefinitionCalls();
  }

  private definition(): sfn.IChainable {
    const accepted = new sfn.Pass(this, 'Accepted', {
      parameters: {
        orderId: sfn.JsonPath.stringAt('$.order.orderId'),
        executionArn: sfn.JsonPath.stringAt('$.checkout.executionArn'),
      },
    });
    const startCheckout = this.startCheckout().addCatch(this.findExistingCheckout(accepted), {
      errors: [EXECUTION_ALREADY_EXISTS],
      resultPath: '$.failure',
    });
    return this.priceCheckout().next(startCheckout).next(accepted);
  }

  private priceCheckout(): tasks.LambdaInvoke {
    const refusal = new sfn.Pass(this, 'ReadRefusal', {
      // A function error's cause is the runtime's JSON ({ errorType, errorMessage, trace }): keep the message.
      parameters: {
        code: sfn.JsonPath.stringAt('$.failure.Error'),
        details: sfn.JsonPath.stringToJson(sfn.JsonPath.stringAt('$.failure.Cause')),
      },
      resultPath: '$.refusal',
    }).next(new sfn.Fail(this, 'Refuse', { errorPath: '$.refusal.code', causePath: '$.refusal.details.errorMessage' }));
    const fault = new sfn.Fail(this, 'PricingFailed', { errorPath: '$.failure.Error', causePath: '$.failure.Cause' });
    const task = new tasks.LambdaInvoke(this, 'PriceCheckout', {
      lambdaFunction: this.props.priceCheckout,
      payloadResponseOnly: true,
      // Retried below, fewer times than CDK's default six: the caller is waiting.
      retryOnServiceExceptions: false,
      resultPath: '$.order',
    });
    task
      .addRetry({
        // ORDERS.PAYMENTS_UNAVAILABLE: the sandbox did not answer within 3 s; worth one more try.
        errors: [
          'Lambda.ServiceException',
          'Lambda.AWSLambdaException',
          'Lambda.SdkClientException',
          'Lambda.TooManyRequestsException',
          'ORDERS.PAYMENTS_UNAVAILABLE',
        ],
        interval: Duration.seconds(1),
        maxAttempts: 1,
      })
      .addCatch(refusal, { errors: Object.keys(CHECKOUT_ERROR_STATUS), resultPath: '$.failure' })
      .addCatch(fault, { errors: [sfn.Errors.ALL], resultPath: '$.failure' });
    return task;
  }

  private startCheckout(): tasks.StepFunctionsStartExecution {
    const task = new tasks.StepFunctionsStartExecution(this, 'StartCheckout', {
      // The alias ARN as the task's StateMachineArn (the role is immutable: grants are made below).
      stateMachine: sfn.StateMachine.fromStateMachineArn(this, 'CheckoutLive', this.props.checkoutLive.aliasArn),
      integrationPattern: sfn.IntegrationPattern.REQUEST_RESPONSE,
      // The same name and input while it runs answers with that execution; anything else on the name is refused.
      name: sfn.JsonPath.stringAt('$.order.orderId'),
      input: sfn.TaskInput.fromJsonPathAt('$.order'),
      // No AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID: it would make every retried request's input different.
      associateWithParent: false,
      resultSelector: { executionArn: sfn.JsonPath.stringAt('$.ExecutionArn') },
      resultPath: '$.checkout',
    });
    // A taken name is an answer (caught below), never retried; a throttled or failed call is, once.
    task.addRetry({ errors: [EXECUTION_ALREADY_EXISTS], maxAttempts: 0 });
    task.addRetry({ errors: [sfn.Errors.TASKS_FAILED], interval: Duration.seconds(1), maxAttempts: 1 });
    return task;
  }

  /** A taken name: the same checkout (a retried request) is accepted again; another one is refused. */
  private findExistingCheckout(accepted: sfn.IChainable): sfn.IChainable {
    const fieldsOf = (root: string) =>
      sfn.JsonPath.jsonToString(
        sfn.JsonPath.array(...SAME_CHECKOUT_FIELDS.map((f) => sfn.JsonPath.stringAt(`${root}.${f}`))),
      );
    const describe = new tasks.CallAwsService(this, 'DescribeExistingCheckout', {
      service: 'sfn',
      action: 'describeExecution',
      iamAction: 'states:DescribeExecution',
      iamResources: [this.checkoutExecutionArn('*')],
      parameters: {
        ExecutionArn: sfn.JsonPath.format(this.checkoutExecutionArn('{}'), sfn.JsonPath.stringAt('$.order.orderId')),
      },
      resultSelector: {
        executionArn: sfn.JsonPath.stringAt('$.ExecutionArn'),
        input: sfn.JsonPath.stringToJson(sfn.JsonPath.stringAt('$.Input')),
      },
      resultPath: '$.checkout',
    });
    const compare = new sfn.Pass(this, 'CompareCheckouts', {
      parameters: { requested: fieldsOf('$.order'), existing: fieldsOf('$.checkout.input') },
      resultPath: '$.comparison',
    });
    const reused = new sfn.Fail(this, 'RefuseReusedKey', {
      error: IDEMPOTENCY_KEY_REUSED,
      causePath: sfn.JsonPath.format(
        'This Idempotency-Key already started another checkout, order {}. Use a new key for a new checkout.',
        sfn.JsonPath.stringAt('$.order.orderId'),
      ),
    });
    return describe
      .next(compare)
      .next(
        new sfn.Choice(this, 'IsSameCheckout')
          .when(sfn.Condition.stringEqualsJsonPath('$.comparison.requested', '$.comparison.existing'), accepted)
          .otherwise(reused),
      );
  }

  /** The ARN of a Checkout execution by name (`*` for all of them, `{}` as a States.Format template). */
  private checkoutExecutionArn(name: string): string {
    return Stack.of(this).formatArn({
      service: 'states',
      resource: 'execution',
      resourceName: `${this.props.checkout.stateMachineName}:${name}`,
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    });
  }

  private grantWhatTheDefinitionCalls(): void {
    const { role } = this.workflowRole;
    const allow = (actions: string[], resourceArns: string[]) =>
      iam.Grant.addToPrincipal({ grantee: role, actions, resourceArns });
    allow(['lambda:InvokeFunction'], [this.props.priceCheckout.functionArn]);
    // Step Functions authorizes StartExecution of a version or an alias on the state machine's own ARN (AWS:
    // "Authorization for versions and aliases"); the alias's ARN is named too, for what the definition calls.
    allow(['states:StartExecution'], [this.props.checkout.stateMachineArn, this.props.checkoutLive.aliasArn]);
    allow(['states:DescribeExecution'], [this.checkoutExecutionArn('*')]);
    const checkoutId = Stack.of(this).getLogicalId(this.props.checkout.node.defaultChild as sfn.CfnStateMachine);
    // cdk-nag names the finding with the stack's region and account when they are known at synth.
    const stack = Stack.of(this);
    const region = Token.isUnresolved(stack.region) ? '<AWS::Region>' : stack.region;
    const account = Token.isUnresolved(stack.account) ? '<AWS::AccountId>' : stack.account;
    const partition = Token.isUnresolved(stack.partition) ? '<AWS::Partition>' : stack.partition;
    const executions = `arn:${partition}:states:${region}:${account}:execution:<${checkoutId}.Name>:*`;
    Validations.of(role.node.findChild('DefaultPolicy').node.defaultChild as iam.CfnPolicy).acknowledge({
      id: `AwsSolutions::AwsSolutions-IAM5[Resource::${executions}]`,
      reason:
        'DescribeExecution of the Checkout state machine’s executions, to recognise a retried request: each ' +
        'execution is named by its order id, known only at run time, so only a pattern can name them.',
    });
  }
}
