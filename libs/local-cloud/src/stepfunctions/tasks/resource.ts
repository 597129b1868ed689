/** How Step Functions waits on an integration, as documented under "Service integration patterns". */
export type IntegrationPattern = 'request' | 'sync' | 'sync2' | 'callback';

/** A Task state's Resource, classified. */
export type TaskResource =
  | { readonly kind: 'lambda-function'; readonly functionArn: string }
  | {
      readonly kind: 'integration';
      /** 'lambda', 'dynamodb', 'events', 'sqs', 'states', 'http'; for SDK integrations the SDK service id. */
      readonly service: string;
      /** The API action as written in the ARN ('putItem', 'invoke', 'startExecution'). */
      readonly action: string;
      readonly sdk: boolean;
      readonly pattern: IntegrationPattern;
    };

/** The services the generic `aws-sdk:<service>:<action>` integration reaches, and their error prefix. */
export const SDK_SERVICES: Readonly<Record<string, string>> = {
  dynamodb: 'DynamoDb',
  eventbridge: 'EventBridge',
  sqs: 'Sqs',
  sfn: 'Sfn',
  lambda: 'Lambda',
};

/** Optimized integrations and the patterns each supports in this emulator. */
const OPTIMIZED: Readonly<Record<string, readonly IntegrationPattern[]>> = {
  'lambda:invoke': ['request', 'callback'],
  'dynamodb:putItem': ['request'],
  'dynamodb:getItem': ['request'],
  'dynamodb:updateItem': ['request'],
  'dynamodb:deleteItem': ['request'],
  'events:putEvents': ['request', 'callback'],
  'sqs:sendMessage': ['request', 'callback'],
  'states:startExecution': ['request', 'sync', 'sync2', 'callback'],
  'http:invoke': ['request'],
};

const LAMBDA_ARN = /^arn:aws[a-z-]*:lambda:[a-z0-9-]+:\d{12}:function:[A-Za-z0-9_-]+(:[A-Za-z0-9$_-]+)?$/;
const STATES_ARN = /^arn:aws[a-z-]*:states:[a-z0-9-]*:\d{0,12}:(aws-sdk:)?([a-z0-9-]+):([A-Za-z0-9]+)(\.sync:2|\.sync|\.waitForTaskToken)?$/;
const PATTERN_SUFFIX: Record<string, IntegrationPattern> = { '.sync': 'sync', '.sync:2': 'sync2', '.waitForTaskToken': 'callback' };

/** A Resource this emulator does not run; thrown when the state machine loads. */
export class UnsupportedResourceError extends Error {
  override readonly name = 'UnsupportedResourceError';
  readonly code = 'STATES.UNSUPPORTED_RESOURCE';
}

/**
 * Classifies a Task Resource, refusing what the emulator cannot run (activities, other services,
 * unsupported patterns).
 *
 * @example
 * parseResource('arn:aws:states:::sqs:sendMessage.waitForTaskToken');
 * // { kind: 'integration', service: 'sqs', action: 'sendMessage', sdk: false, pattern: 'callback' }
 */
export function parseResource(resource: string): TaskResource {
  if (LAMBDA_ARN.test(resource)) return { kind: 'lambda-function', functionArn: resource };
  const match = STATES_ARN.exec(resource);
  if (!match) throw new UnsupportedResourceError(`Resource '${resource}' is not supported (activities and other ARNs are not emulated)`);
  const [, sdkPrefix, service = '', action = '', suffix] = match;
  const pattern = suffix ? PATTERN_SUFFIX[suffix]! : 'request';
  if (sdkPrefix) {
    if (!SDK_SERVICES[service]) throw new UnsupportedResourceError(`AWS SDK integration for '${service}' is not emulated (supported: ${Object.keys(SDK_SERVICES).join(', ')})`);
    if (pattern === 'sync' || pattern === 'sync2') throw new UnsupportedResourceError(`AWS SDK integrations do not support '${suffix}' (${resource})`);
    return { kind: 'integration', service, action, sdk: true, pattern };
  }
  const patterns = OPTIMIZED[`${service}:${action}`];
  if (!patterns) throw new UnsupportedResourceError(`Optimized integration '${service}:${action}' is not emulated (${resource})`);
  if (!patterns.includes(pattern)) throw new UnsupportedResourceError(`Integration '${service}:${action}' does not support '${suffix}' here (${resource})`);
  return { kind: 'integration', service, action, sdk: false, pattern };
}

/** The `resourceType`/`resource` pair that task history events report. */
export function resourceLabel(resource: TaskResource): { resourceType: string; resource: string } {
  if (resource.kind === 'lambda-function') return { resourceType: 'lambda', resource: resource.functionArn };
  const suffix = { request: '', sync: '.sync', sync2: '.sync:2', callback: '.waitForTaskToken' }[resource.pattern];
  return { resourceType: resource.sdk ? `aws-sdk:${resource.service}` : resource.service, resource: `${resource.action}${suffix}` };
}
