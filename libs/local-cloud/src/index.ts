export type {
  ServiceEndpoint,
  Json,
  JsonObject,
  LambdaInvoker,
  QueueSender,
  ExecutionStarter,
  EventSender,
  Ports,
  ResolvedResource,
  Logger,
  ServiceContext,
  RunningService,
  LocalRoute,
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
export * from './template';
