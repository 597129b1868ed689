import type { ResolvedResource } from '../core/contracts';
import { isCustomResourceType, unrunCustomResourceReason } from './custom-resources';

/** How the local cloud treats one resource. */
export type Support =
  | { readonly status: 'emulated'; readonly by: string }
  | { readonly status: 'accepted'; readonly reason: string }
  | { readonly status: 'unsupported'; readonly reason: string };

/**
 * Types that are deployed but have nothing to emulate on one machine, and why. Prefix entries end in '::'.
 * Anything neither here nor claimed by a service plug-in is reported as unsupported, never dropped silently.
 */
const ACCEPTED: ReadonlyArray<readonly [string, string]> = [
  ['AWS::CDK::Metadata', 'CDK usage metadata'],
  ['AWS::IAM::', 'IAM is not enforced locally: every call is allowed'],
  ['AWS::Lambda::Permission', 'resource policies are not enforced'],
  ['AWS::SQS::QueuePolicy', 'resource policies are not enforced'],
  ['AWS::SNS::TopicPolicy', 'resource policies are not enforced'],
  ['AWS::S3::BucketPolicy', 'resource policies are not enforced'],
  ['AWS::Events::EventBusPolicy', 'resource policies are not enforced'],
  ['AWS::KMS::', 'encryption at rest is not emulated'],
  ['AWS::Logs::', 'logs are kept by the local services (see `local-cloud logs`)'],
  ['AWS::CloudWatch::', 'metrics, alarms and dashboards are not evaluated'],
  ['AWS::CodeDeploy::', 'no traffic shifting: every alias runs the current code'],
  ['AWS::XRay::', 'tracing is not emulated'],
  ['AWS::Synthetics::', 'canaries browse a deployed stage: locally the browser tests do their job'],
  ['AWS::CloudFront::', 'no CDN locally: clients reach the origins directly'],
  ['AWS::ApiGateway::Account', 'account settings have no local effect'],
  ['Custom::LogRetention', 'log retention has no local effect'],
  ['Custom::S3AutoDeleteObjects', 'local data is discarded when the local cloud stops'],
];

/**
 * Classifies a resource: emulated by the plug-in that claims its type, accepted (nothing to emulate), or
 * unsupported (calls to it will fail).
 *
 * @example
 * supportOf('AWS::IAM::Role', new Map()); // { status: 'accepted', reason: 'IAM is not enforced locally: ...' }
 */
export function supportOf(type: string, emulatedBy: ReadonlyMap<string, string>): Support {
  const by = emulatedBy.get(type);
  if (by) return { status: 'emulated', by };
  const accepted = ACCEPTED.find(([prefix]) => (prefix.endsWith('::') ? type.startsWith(prefix) : type === prefix));
  if (accepted) return { status: 'accepted', reason: accepted[1] };
  return { status: 'unsupported', reason: 'no local service emulates this type: calls to it will fail' };
}

/** A custom resource nobody runs is unsupported for a reason its ServiceToken tells (an SNS topic...). */
function supportOfResource(
  resource: ResolvedResource,
  owner: string | undefined,
  all: readonly ResolvedResource[],
): Support {
  const support = supportOf(resource.type, new Map(owner ? [[resource.type, owner]] : []));
  if (support.status !== 'unsupported' || !isCustomResourceType(resource.type)) return support;
  return { status: 'unsupported', reason: unrunCustomResourceReason(resource, all) };
}

/** Who emulates a resource: a map by type, or a function for types several services share. */
export type EmulatedBy = ReadonlyMap<string, string> | ((resource: ResolvedResource) => string | undefined);

/**
 * One line per resource type and treatment, grouped by status, for the start-up report. A type several
 * services share gets a line per service (and one for its resources none of them emulates).
 *
 * @example
 * describeSupport(resources, new Map([['AWS::SQS::Queue', 'sqs']])); // ['emulated    AWS::SQS::Queue x2: by sqs', ...]
 */
export function describeSupport(resources: readonly ResolvedResource[], emulatedBy: EmulatedBy): string[] {
  const ownerOf = typeof emulatedBy === 'function' ? emulatedBy : (r: ResolvedResource) => emulatedBy.get(r.type);
  const counts = new Map<string, { type: string; support: Support; count: number }>();
  for (const resource of resources) {
    const owner = ownerOf(resource);
    const support = supportOfResource(resource, owner, resources);
    const key = `${resource.type} ${JSON.stringify(support)}`;
    const entry = counts.get(key) ?? { type: resource.type, support, count: 0 };
    entry.count += 1;
    counts.set(key, entry);
  }
  const order = { emulated: 0, accepted: 1, unsupported: 2 } as const;
  return [...counts.values()]
    .sort((x, y) => order[x.support.status] - order[y.support.status] || x.type.localeCompare(y.type))
    .map(({ type, support, count }) => {
      const detail = support.status === 'emulated' ? `by ${support.by}` : support.reason;
      return `${support.status.padEnd(11)} ${type} x${count}: ${detail}`;
    });
}
