import type { ServicePlugin } from './core/contracts';
import { dynamoDbPlugin, type DynamoDbPluginOptions } from './dynamodb/plugin';
import { lambdaPlugin, type LambdaPluginOptions } from './lambda/plugin';
import { sqsPlugin } from './sqs/plugin';
import { stepFunctionsService, type StepFunctionsServiceOptions } from './stepfunctions/plugin';

/** Settings of the built-in services, by service. */
export interface ServiceOptions {
  readonly lambda?: LambdaPluginOptions;
  readonly dynamodb?: DynamoDbPluginOptions;
  readonly stepFunctions?: StepFunctionsServiceOptions;
}

/**
 * The emulated services, in start order: the one list to read (or edit) to see what the local cloud runs.
 * Each entry is a `ServicePlugin` (src/core/contracts.ts) that owns a folder of src/. Ports are bound late,
 * so the order only decides which pollers may start calling a port before its provider is up: lambda first.
 *
 * @example
 * await LocalCloud.start({ assembly: 'cdk.out', plugins: defaultPlugins({ lambda: { asyncRetryDelaysMs: [1000, 2000] } }) });
 */
export function defaultPlugins(options: ServiceOptions = {}): ServicePlugin[] {
  return [
    lambdaPlugin(options.lambda),
    dynamoDbPlugin(options.dynamodb),
    sqsPlugin(),
    stepFunctionsService(options.stepFunctions),
    // eventbridge, apigateway, cognito, appconfig, s3, ssm, secretsmanager:
    // each service's engineer adds theirs here once it exports one.
  ];
}
