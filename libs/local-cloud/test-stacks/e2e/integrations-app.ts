import { CfnOutput, RemovalPolicy, SecretValue, Stack } from 'aws-cdk-lib';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as appconfig from 'aws-cdk-lib/aws-appconfig';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import * as tasks from 'aws-cdk-lib/aws-stepfunctions-tasks';
import type { Construct } from 'constructs';
import { E2eFunction, handlerEntry, newE2eApp } from './service-function';

/** The feature flags the storefront reads: checkout on with a limit. */
export const CHECKOUT_FLAGS = {
  version: '1',
  flags: { checkout: { name: 'New checkout', attributes: { limit: { constraints: { type: 'number', minimum: 1 } } } } },
  values: { checkout: { enabled: true, limit: 5 } },
};

/** The API key the payments connection authorizes with (a sandbox key, plain text in a test stack only). */
export const SANDBOX_API_KEY = 'sandbox-key-123';

/** A checkout event routed through an input transformer to a workflow. */
function addCheckoutWorkflow(scope: Construct): sfn.StateMachine {
  const workflow = new sfn.StateMachine(scope, 'ReceiveCheckout', { definitionBody: sfn.DefinitionBody.fromChainable(new sfn.Pass(scope, 'Received')) });
  new events.Rule(scope, 'CheckoutRequestedRule', {
    eventPattern: { source: ['shop.storefront'], detailType: ['Checkout.CheckoutRequested'] },
    targets: [
      new targets.SfnStateMachine(workflow, {
        input: events.RuleTargetInput.fromObject({
          cartId: events.EventField.fromPath('$.detail.cart.id'),
          customerId: events.EventField.fromPath('$.detail.customer.id'),
          requestedBy: events.EventField.source,
        }),
      }),
    ],
  });
  return workflow;
}

/** A workflow calling a payment provider's API (the sandbox below) with an HTTP task and an API-key connection. */
function addPaymentsCall(scope: Construct): sfn.StateMachine {
  const sandbox = new E2eFunction(scope, 'PaymentSandboxFunction', { entry: handlerEntry('echo-api-key'), serviceName: 'payments' });
  const api = new apigwv2.HttpApi(scope, 'PaymentSandboxApi');
  api.addRoutes({ path: '/charges', methods: [apigwv2.HttpMethod.GET], integration: new HttpLambdaIntegration('Charges', sandbox) });
  const connection = new events.Connection(scope, 'PaymentsConnection', {
    authorization: events.Authorization.apiKey('x-api-key', SecretValue.unsafePlainText(SANDBOX_API_KEY)),
  });
  new CfnOutput(scope, 'PaymentsConnectionArn', { value: connection.connectionArn });
  const call = new tasks.HttpInvoke(scope, 'AuthorizePayment', {
    apiRoot: api.apiEndpoint,
    apiEndpoint: sfn.TaskInput.fromText('charges'),
    method: sfn.TaskInput.fromText('GET'),
    connection,
  });
  return new sfn.StateMachine(scope, 'CallPayments', { definitionBody: sfn.DefinitionBody.fromChainable(call) });
}

/** Feature flags hosted in AppConfig and deployed at once to the dev environment. */
function addFlags(scope: Construct): void {
  const application = new appconfig.Application(scope, 'Storefront');
  const environment = new appconfig.Environment(scope, 'Dev', { application, environmentName: 'dev' });
  const flags = new appconfig.HostedConfiguration(scope, 'Flags', {
    application,
    name: 'flags',
    type: appconfig.ConfigurationType.FEATURE_FLAGS,
    content: appconfig.ConfigurationContent.fromInlineJson(JSON.stringify(CHECKOUT_FLAGS)),
    deploymentStrategy: appconfig.DeploymentStrategy.fromDeploymentStrategyId(scope, 'AllAtOnce', appconfig.DeploymentStrategyId.ALL_AT_ONCE),
    deployTo: [environment],
  });
  new CfnOutput(scope, 'ApplicationId', { value: application.applicationId });
  new CfnOutput(scope, 'EnvironmentId', { value: environment.environmentId });
  new CfnOutput(scope, 'ConfigurationProfileId', { value: flags.configurationProfileId });
}

/** A bucket a function writes invoices to, whose object events reach EventBridge and, by a rule, a queue. */
function addInvoices(scope: Construct): void {
  const bucket = new s3.Bucket(scope, 'Invoices', { eventBridgeEnabled: true, removalPolicy: RemovalPolicy.DESTROY });
  const writeInvoice = new E2eFunction(scope, 'WriteInvoiceFunction', {
    entry: handlerEntry('write-invoice'),
    serviceName: 'invoices',
    environment: { BUCKET_NAME: bucket.bucketName },
  });
  bucket.grantPut(writeInvoice);
  const objectEvents = new sqs.Queue(scope, 'InvoiceObjectEvents');
  new events.Rule(scope, 'InvoiceStoredRule', {
    eventPattern: { source: ['aws.s3'], detailType: ['Object Created'], detail: { bucket: { name: [bucket.bucketName] } } },
    targets: [new targets.SqsQueue(objectEvents)],
  });
  new CfnOutput(scope, 'BucketName', { value: bucket.bucketName });
  new CfnOutput(scope, 'WriteInvoiceFunctionName', { value: writeInvoice.functionName });
  new CfnOutput(scope, 'ObjectEventsQueueUrl', { value: objectEvents.queueUrl });
}

/** One stack with the integrations the Shop relies on beyond the request path. */
class IntegrationsStack extends Stack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new CfnOutput(this, 'CheckoutWorkflowArn', { value: addCheckoutWorkflow(this).stateMachineArn });
    new CfnOutput(this, 'PaymentsWorkflowArn', { value: addPaymentsCall(this).stateMachineArn });
    addFlags(this);
    addInvoices(this);
  }
}

/**
 * Synthesizes the "Integrations" stack into `outdir` (bundling its functions with esbuild) and returns the folder.
 *
 * @example
 * const cdkOut = synthIntegrationsApp(mkdtempSync(join(tmpdir(), 'cdk-')));
 */
export function synthIntegrationsApp(outdir: string): string {
  const app = newE2eApp(outdir);
  new IntegrationsStack(app, 'Integrations');
  app.synth();
  return outdir;
}
