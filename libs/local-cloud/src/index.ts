export type {
  ServiceEndpoint,
  Json,
  JsonObject,
  LambdaInvoker,
  QueueSender,
  SendMessageOptions,
  ExecutionStarter,
  EventSender,
  Ports,
  ResolvedResource,
  Logger,
  ServiceContext,
  RunningService,
  LocalRoute,
  LateValues,
  ServicePlugin,
} from './core/contracts';
export { LocalCloud, ServiceStartError, type LocalCloudOptions } from './core/local-cloud';
export { Gateway, LOOPBACK } from './core/gateway';
export { sendAwsError } from './core/aws-errors';
export { signingNameOf } from './core/signing-name';
export { endpointEnvironment, LOCAL_CREDENTIALS } from './core/endpoint-env';
export { makeLogger, silentLogger, correlationIdOf } from './core/logger';
export { makeLatePorts, PortNotProvidedError } from './core/ports';
export { defaultPlugins, type ServiceOptions } from './services';
export { lambdaPlugin, LAMBDA_RESOURCE_TYPES, type LambdaPluginOptions } from './lambda/plugin';
export { LambdaService } from './lambda/lambda-service';
export { LambdaFunctionError, LambdaThrottledError, LambdaNotFoundError } from './lambda/errors';
export { dynamoDbPlugin, type DynamoDbPluginOptions } from './dynamodb/plugin';
export { sqsPlugin } from './sqs/plugin';
export { stepFunctionsService, type StepFunctionsServiceOptions } from './stepfunctions/plugin';
export type { ConnectionAuth, ConnectionResolver } from './stepfunctions';
export { eventBridgePlugin, type EventBridgePluginOptions } from './eventbridge/plugin';
export { testEventPattern } from './eventbridge/engine/test-event-pattern';
export { apiGatewayPlugin, type ApiGatewayPluginOptions } from './apigateway/plugin';
export { cognitoService, type CognitoServiceOptions } from './cognito/plugin';
export { localIssuerFor } from './cognito/issuer';
export { clientSecretFor } from './cognito/model/client-config';
export { appConfigService, type AppConfigServiceOptions } from './appconfig/plugin';
export { s3Service, type S3ServiceOptions } from './s3/service';
export { ssmService } from './ssm/service';
export { secretsManagerService, type SecretsAccess, type SecretsManagerPlugin } from './secretsmanager/service';
export { connectionSecrets } from './connection-secrets';
export * from './template';
export { consolePlugin } from './console';
export { cloudFormationPlugin, CustomResourceFailedError, CustomResourceReadError, type CloudFormationPluginOptions } from './cloudformation';
