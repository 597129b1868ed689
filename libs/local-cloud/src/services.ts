import { apiGatewayPlugin, type ApiGatewayPluginOptions } from './apigateway/plugin';
import { appConfigService, type AppConfigServiceOptions } from './appconfig/plugin';
import { localIssuerFor } from './cognito/issuer';
import { cognitoService, type CognitoServiceOptions } from './cognito/plugin';
import { connectionSecrets } from './connection-secrets';
import { cloudFormationPlugin, type CloudFormationPluginOptions } from './cloudformation';
import { consolePlugin } from './console';
import type { ServicePlugin } from './core/contracts';
import { dynamoDbPlugin, type DynamoDbPluginOptions } from './dynamodb/plugin';
import { eventBridgePlugin, type EventBridgePluginOptions } from './eventbridge/plugin';
import { lambdaPlugin, type LambdaPluginOptions } from './lambda/plugin';
import { s3Service, type S3ServiceOptions } from './s3/service';
import { secretsManagerService } from './secretsmanager/service';
import { sqsPlugin } from './sqs/plugin';
import { ssmService } from './ssm/service';
import { stepFunctionsService, type StepFunctionsServiceOptions } from './stepfunctions/plugin';

/** Settings of the built-in services, by service. */
export interface ServiceOptions {
  readonly lambda?: LambdaPluginOptions;
  readonly dynamodb?: DynamoDbPluginOptions;
  /** `resolveConnection` defaults to the connections' secrets in Secrets Manager. */
  readonly stepFunctions?: StepFunctionsServiceOptions;
  readonly eventBridge?: EventBridgePluginOptions;
  /** `localIssuerFor` is always the local Cognito's. */
  readonly apiGateway?: Omit<ApiGatewayPluginOptions, 'localIssuerFor'>;
  readonly cognito?: CognitoServiceOptions;
  readonly appConfig?: AppConfigServiceOptions;
  readonly s3?: Pick<S3ServiceOptions, 'credentials'>;
  /** `responseTimeoutMs`: the longest wait for a custom resource's answer (default 5 minutes). */
  readonly cloudFormation?: CloudFormationPluginOptions;
}

/**
 * The emulated services, in start order: the one list to read (or edit) to see what the local cloud runs.
 * Each entry is a `ServicePlugin` (src/core/contracts.ts) that owns a folder of src/. Ports are bound late,
 * so the order only decides which pollers may start calling a port before its provider is up (lambda first),
 * and what exists when a service starts. Secrets Manager and SSM come first: they create the templates'
 * secrets and parameters (generated values included), which every later service's dynamic references
 * (`{{resolve:secretsmanager:...}}`, `{{resolve:ssm:...}}`) read as it starts, and EventBridge stores its
 * connections' secrets in Secrets Manager. CloudFormation comes next: at start it only checks who reads its
 * custom resources' values (so a template it refuses starts no other service); it creates them in
 * `afterStart`, once every service is up.
 *
 * Wiring between services that ports do not carry happens here: API Gateway's JWT authorizers verify the
 * local Cognito's tokens (`localIssuerFor`), and Step Functions' `http:invoke` tasks read the EventBridge
 * connection's secret (`connectionSecrets`).
 *
 * @example
 * await LocalCloud.start({ assembly: 'cdk.out', plugins: defaultPlugins({ lambda: { asyncRetryDelaysMs: [1000, 2000] } }) });
 */
export function defaultPlugins(options: ServiceOptions = {}): ServicePlugin[] {
  const secretsManager = secretsManagerService();
  const connections = connectionSecrets(secretsManager.secrets);
  return [
    secretsManager,
    ssmService(),
    cloudFormationPlugin(options.cloudFormation),
    lambdaPlugin(options.lambda),
    dynamoDbPlugin(options.dynamodb),
    sqsPlugin(),
    stepFunctionsService({ resolveConnection: connections.resolve, ...options.stepFunctions }),
    connections.storedBy(eventBridgePlugin(options.eventBridge)),
    s3Service(options.s3),
    cognitoService(options.cognito),
    apiGatewayPlugin({ ...options.apiGateway, localIssuerFor }),
    appConfigService(options.appConfig),
    // Last: the web console watches the others only through their HTTP APIs.
    consolePlugin(),
  ];
}
