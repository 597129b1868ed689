import { CfnOutput, Duration, Stack } from 'aws-cdk-lib';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as appconfig from 'aws-cdk-lib/aws-appconfig';
import * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import type { Construct } from 'constructs';
import { E2eFunction, handlerEntry, newE2eApp } from './service-function';

/** The flags a backend function reads: express shipping on. */
export const SHIPPING_FLAGS = {
  version: '1',
  flags: { expressShipping: { name: 'Express shipping' } },
  values: { expressShipping: { enabled: true } },
};

/** An API request whose function publishes Order.OrderPlaced; a rule queues it for a consumer, another starts a workflow. */
function addOrderFlow(scope: Construct): void {
  const bus = new events.EventBus(scope, 'ShopBus');
  const placeOrder = new E2eFunction(scope, 'PlaceOrderFunction', { entry: handlerEntry('publish-order-placed'), serviceName: 'orders', environment: { EVENT_BUS_NAME: bus.eventBusName } });
  bus.grantPutEventsTo(placeOrder);
  const api = new apigwv2.HttpApi(scope, 'ShopApi');
  api.addRoutes({ path: '/orders', methods: [apigwv2.HttpMethod.POST], integration: new HttpLambdaIntegration('PlaceOrder', placeOrder) });

  const toShip = new sqs.Queue(scope, 'OrdersToShipQueue', { visibilityTimeout: Duration.seconds(10) });
  const shipOrder = new E2eFunction(scope, 'ShipOrderFunction', { entry: handlerEntry('ship-order'), serviceName: 'shipping' });
  shipOrder.addEventSource(new SqsEventSource(toShip, { batchSize: 10, reportBatchItemFailures: true }));
  const reserve = new sfn.Pass(scope, 'ReserveStock', { resultPath: sfn.JsonPath.DISCARD });
  const fulfil = new sfn.StateMachine(scope, 'FulfilOrder', { definitionBody: sfn.DefinitionBody.fromChainable(reserve.next(new sfn.Succeed(scope, 'Fulfilled'))) });
  new events.Rule(scope, 'OrderPlacedRule', {
    eventBus: bus,
    eventPattern: { source: ['shop.orders'], detailType: ['Order.OrderPlaced'] },
    targets: [new targets.SqsQueue(toShip), new targets.SfnStateMachine(fulfil)],
  });
  new CfnOutput(scope, 'ApiUrl', { value: api.apiEndpoint });
}

/** Feature flags in AppConfig, deployed at once, and a function that reads them through AppConfig Data. */
function addFlags(scope: Construct): void {
  const application = new appconfig.Application(scope, 'Shipping');
  const environment = new appconfig.Environment(scope, 'Dev', { application, environmentName: 'dev' });
  const flags = new appconfig.HostedConfiguration(scope, 'Flags', {
    application,
    name: 'flags',
    type: appconfig.ConfigurationType.FEATURE_FLAGS,
    content: appconfig.ConfigurationContent.fromInlineJson(JSON.stringify(SHIPPING_FLAGS)),
    deploymentStrategy: appconfig.DeploymentStrategy.fromDeploymentStrategyId(scope, 'AllAtOnce', appconfig.DeploymentStrategyId.ALL_AT_ONCE),
    deployTo: [environment],
  });
  const readFlags = new E2eFunction(scope, 'ReadFlagsFunction', {
    entry: handlerEntry('read-flags'),
    serviceName: 'shipping',
    environment: { APPCONFIG_APPLICATION_ID: application.applicationId, APPCONFIG_ENVIRONMENT_ID: environment.environmentId, APPCONFIG_PROFILE_ID: flags.configurationProfileId },
  });
  const configuration = `${application.applicationId}/environment/${environment.environmentId}/configuration/${flags.configurationProfileId}`;
  readFlags.addToRolePolicy(
    new iam.PolicyStatement({
      actions: ['appconfig:StartConfigurationSession', 'appconfig:GetLatestConfiguration'],
      resources: [Stack.of(scope).formatArn({ service: 'appconfig', resource: 'application', resourceName: configuration })],
    }),
  );
  new CfnOutput(scope, 'ApplicationId', { value: application.applicationId });
  new CfnOutput(scope, 'EnvironmentId', { value: environment.environmentId });
  new CfnOutput(scope, 'ConfigurationProfileId', { value: flags.configurationProfileId });
  new CfnOutput(scope, 'ReadFlagsFunctionName', { value: readFlags.functionName });
}

/** What the web console shows: a request's path through a function, a bus, a queue consumer and a workflow; flags; logs. */
class ConsoleStack extends Stack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    addOrderFlow(this);
    addFlags(this);
  }
}

/**
 * Synthesizes the "Console" stack into `outdir` (bundling its functions with esbuild) and returns the folder.
 *
 * @example
 * const cdkOut = synthConsoleApp(mkdtempSync(join(tmpdir(), 'cdk-')));
 */
export function synthConsoleApp(outdir: string): string {
  const app = newE2eApp(outdir);
  new ConsoleStack(app, 'Console');
  app.synth();
  return outdir;
}
