import { Names, Tags } from 'aws-cdk-lib';
import type * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';
import { ConflictingServiceTagError, InvalidEventSourceError, UntaggableGranteeError } from './errors';

/**
 * Each service publishes only its own `source` (`shop.<service>`). Two layers enforce it:
 * 1. the identity grant allows events:PutEvents only with `events:source` = the service's source, and
 * 2. the bus policy denies events:PutEvents to a role tagged `shop-service=<service>` whenever any entry's
 *    source is not `shop.<service>`, and denies `shop.*` sources to untagged principals. Explicit denies win
 *    over any allow, so a role that also got a broad grant (e.g. bus.grantPutEventsTo) still cannot spoof.
 * `events:source` is multivalued (one PutEvents call carries up to 10 entries), hence the set operators.
 */
export const EVENT_SOURCE_PREFIX = 'shop.';
/** The role tag that says which service a principal publishes for; read by the bus policy. */
export const SERVICE_TAG_KEY = 'shop-service';

const SOURCE_PATTERN = /^shop\.([a-z][a-z0-9-]*)$/;
const SERVICE_TAG = `aws:PrincipalTag/${SERVICE_TAG_KEY}`;
const servicesByRole = new WeakMap<iam.Role, string>();

/**
 * The service that owns an event source.
 *
 * @example
 * serviceOfSource('shop.orders'); // 'orders'
 */
export function serviceOfSource(source: string): string {
  const service = SOURCE_PATTERN.exec(source)?.[1];
  if (service === undefined) throw new InvalidEventSourceError(source);
  return service;
}

/**
 * Grants events:PutEvents on `bus` for events whose source is `source` only, and tags the grantee's role
 * with its service so the bus policy (see {@link addSourceOwnershipPolicy}) can hold it to that source.
 *
 * @example
 * grantPutEventsForSource(props.bus, placeOrderFunction, 'shop.orders');
 */
export function grantPutEventsForSource(bus: events.IEventBus, grantee: iam.IGrantable, source: string): iam.Grant {
  tagServiceRole(grantee, serviceOfSource(source));
  return iam.Grant.addToPrincipal({
    grantee,
    actions: ['events:PutEvents'],
    resourceArns: [bus.eventBusArn],
    conditions: {
      'ForAllValues:StringEquals': { 'events:source': [source] },
      // ForAllValues is also true when the key is missing; insist that it is present.
      Null: { 'events:source': 'false' },
    },
  });
}

function tagServiceRole(grantee: iam.IGrantable, service: string): void {
  const principal = grantee.grantPrincipal;
  if (!(principal instanceof iam.Role)) throw new UntaggableGranteeError(principal.toString());
  const existing = servicesByRole.get(principal);
  if (existing !== undefined && existing !== service) {
    throw new ConflictingServiceTagError(principal.node.path, existing, service);
  }
  servicesByRole.set(principal, service);
  Tags.of(principal).add(SERVICE_TAG_KEY, service);
}

/**
 * The bus policy statements that hold every principal to its own source. Exported for tests and docs;
 * use {@link addSourceOwnershipPolicy} to attach them.
 *
 * @example
 * sourceOwnershipStatements(bus.eventBusArn).map((s) => s.toStatementJson());
 */
export function sourceOwnershipStatements(busArn: string): iam.PolicyStatement[] {
  const denyPutEvents = {
    effect: iam.Effect.DENY,
    principals: [new iam.StarPrincipal()],
    actions: ['events:PutEvents'],
  };
  return [
    new iam.PolicyStatement({
      ...denyPutEvents,
      sid: 'DenyOtherServicesSources',
      resources: [busArn],
      conditions: {
        'ForAnyValue:StringNotEquals': { 'events:source': `${EVENT_SOURCE_PREFIX}\${${SERVICE_TAG}}` },
        // Only for tagged principals: an untagged one is handled by the next statement, not by how IAM
        // resolves a policy variable whose key is missing.
        Null: { [SERVICE_TAG]: 'false' },
      },
    }),
    new iam.PolicyStatement({
      ...denyPutEvents,
      sid: 'DenyShopSourcesToUntagged',
      resources: [busArn],
      conditions: {
        'ForAnyValue:StringLike': { 'events:source': `${EVENT_SOURCE_PREFIX}*` },
        Null: { [SERVICE_TAG]: 'true' },
      },
    }),
  ];
}

/**
 * Attaches {@link sourceOwnershipStatements} to the bus's resource policy.
 *
 * @example
 * const bus = new events.EventBus(this, 'EventBus');
 * addSourceOwnershipPolicy(bus);
 */
export function addSourceOwnershipPolicy(bus: events.EventBus): void {
  // CloudFormation uses each statement id as a physical id that must be unique in the account and region
  // (aws/aws-cdk#29627), so it is derived from the bus's path: two stages in one account never collide.
  const prefix = Names.uniqueResourceName(bus, { maxLength: 32 });
  let previous: Construct | undefined;
  for (const statement of sourceOwnershipStatements(bus.eventBusArn)) {
    statement.sid = `${prefix}${statement.sid ?? ''}`;
    const policy = bus.addToResourcePolicy(statement).policyDependable as Construct;
    // Every statement rewrites the bus's single policy document: create them one at a time.
    if (previous !== undefined) policy.node.addDependency(previous);
    previous = policy;
  }
}
