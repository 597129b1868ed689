import type { JsonObject, LateValues, Logger, ResolvedResource, ServicePlugin } from '../core/contracts';
import { isCustomResourceType, lateValueToken, serviceTokenOf, settleLateValues, supportOf, type LateReference } from '../template';
import { createCustomResource, type CreateContext, type Created } from './create-custom-resource';
import { refuseEarlyReads } from './early-reads';
import { CustomResourceFailedError } from './errors';
import { creationOrder } from './order';
import { RESPONSE_ROUTE, ResponseInbox } from './response-inbox';

export interface CloudFormationPluginOptions {
  /**
   * The longest wait for a custom resource's answer on its ResponseURL, in milliseconds (default 5 minutes;
   * CloudFormation waits up to an hour). A resource's shorter `ServiceTimeout` wins.
   */
  readonly responseTimeoutMs?: number;
}

const DEFAULT_RESPONSE_TIMEOUT_MS = 5 * 60_000;

/**
 * The CloudFormation plug-in: runs the template's Lambda-backed custom resources (`AWS::CloudFormation::CustomResource`
 * and `Custom::*` whose ServiceToken is a function of the template) once every service has started, in
 * dependency order, each by a Create request whose answer it awaits on its ResponseURL. A FAILED answer, a
 * function error or no answer in time fails the start. Resources of types a service claims exactly
 * (Custom::S3BucketNotifications) or that have nothing to emulate (Custom::LogRetention) are not run.
 *
 * @example
 * await LocalCloud.start({ assembly: 'cdk.out', plugins: [cloudFormationPlugin({ responseTimeoutMs: 10_000 }), lambdaPlugin(), dynamoDbPlugin()] });
 */
export function cloudFormationPlugin(options: CloudFormationPluginOptions = {}): ServicePlugin {
  return {
    name: 'cloudformation',
    resourceTypes: ['AWS::CloudFormation::CustomResource', 'Custom::'],
    owns: (resource, all = []) => isCustomResourceType(resource.type) && supportOf(resource.type, new Map()).status !== 'accepted' && serviceTokenOf(resource, all).kind === 'lambda',
    async start(ctx) {
      const all = ctx.allResources ?? ctx.resources;
      refuseEarlyReads(ctx.resources, all);
      const ordered = creationOrder(ctx.resources, all);
      const inbox = new ResponseInbox(ctx.endpointUrl);
      const create = { lambda: ctx.ports.lambda, inbox, responseTimeoutMs: options.responseTimeoutMs ?? DEFAULT_RESPONSE_TIMEOUT_MS };
      return {
        endpoints: [],
        localRoutes: { [RESPONSE_ROUTE]: inbox.route },
        afterStart: () => createInOrder(ordered, create, ctx.logger),
        stop: async () => inbox.close(),
      };
    },
  };
}

/**
 * Creates each custom resource after those it reads, settling in its properties the values they answered.
 * Resolves with the values stack outputs show (NoEcho ones masked, as CloudFormation masks them).
 */
async function createInOrder(ordered: readonly ResolvedResource[], create: CreateContext, logger: Logger): Promise<LateValues> {
  const known = new Map<string, string>();
  const shown = new Map<string, string>();
  for (const resource of ordered) {
    const properties = settleLateValues(resource.properties, (ref) => knownValue(known, ref, resource)) as JsonObject;
    logger.info('creating custom resource', { stackName: resource.stackName, logicalId: resource.logicalId, type: resource.type });
    const created = await createCustomResource(resource, properties, create);
    logger.info('custom resource created', { stackName: resource.stackName, logicalId: resource.logicalId, physicalResourceId: created.physicalResourceId });
    for (const [token, value] of valuesOf(resource, created)) {
      known.set(token, value);
      shown.set(token, created.noEcho ? '*****' : value);
    }
  }
  return shown;
}

/** What `Ref` (the PhysicalResourceId) and `Fn::GetAtt` (each Data key) of a created custom resource return. */
function valuesOf(resource: ResolvedResource, created: Created): Array<[string, string]> {
  const data = Object.entries(created.data).map(([key, value]): [string, string] => [
    lateValueToken(resource.stackName, resource.logicalId, key),
    typeof value === 'string' ? value : JSON.stringify(value),
  ]);
  return [[lateValueToken(resource.stackName, resource.logicalId), created.physicalResourceId], ...data];
}

function knownValue(known: ReadonlyMap<string, string>, ref: LateReference, reader: ResolvedResource): string {
  const value = known.get(ref.token);
  if (value !== undefined) return value;
  // Reads were checked at start and readers run after what they read: only a Data key the answer lacked is left.
  throw new CustomResourceFailedError(reader, `CustomResource attribute error: Vendor response doesn't contain ${ref.attribute ?? 'Ref'} attribute in object ${ref.stackName}|${ref.logicalId}`);
}
