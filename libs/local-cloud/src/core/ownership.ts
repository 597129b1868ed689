import type { ResolvedResource, ServicePlugin } from './contracts';
import { ServiceStartError } from './errors';

/**
 * Which plug-in emulates each resource: the one that declares its type or, for a type several plug-ins
 * share (event source mappings belong to the service of their source), the one whose `owns` accepts it.
 * A plug-in declaring a prefix ('Custom::') gets the resources of that prefix no exact claim owns.
 * A resource no plug-in owns is left out, and reported as unsupported.
 *
 * @throws ServiceStartError when plug-ins share a type and one of them has no `owns`, or two own one resource
 * @example
 * const ownerOf = assignOwners(plugins, resolved.resources);
 * const sqsResources = resolved.resources.filter((r) => ownerOf(r) === 'sqs');
 */
export function assignOwners(plugins: readonly ServicePlugin[], resources: readonly ResolvedResource[]): (resource: ResolvedResource) => string | undefined {
  const claimants = claimantsByType(plugins);
  const owners = new Map<ResolvedResource, string>();
  for (const resource of resources) {
    const owningOf = (claim: string) => (claimants.get(claim) ?? []).filter((plugin) => plugin.owns?.(resource, resources) ?? true);
    const exact = owningOf(resource.type);
    const owning = exact.length > 0 ? exact : prefixesOf(resource.type, claimants).flatMap(owningOf);
    const [owner, other] = owning;
    if (owner && other) {
      throw new ServiceStartError(`${resource.stackName}/${resource.logicalId} (${resource.type}) is owned by both ${owner.name} and ${other.name}`);
    }
    if (owner) owners.set(resource, owner.name);
  }
  return (resource) => owners.get(resource);
}

/**
 * Whether a plug-in declares this type, exactly or by a prefix. It may still not own every resource of it.
 *
 * @example
 * declaresType(cloudFormationPlugin(), 'Custom::Seed'); // true: it declares 'Custom::'
 */
export function declaresType(plugin: ServicePlugin, type: string): boolean {
  return plugin.resourceTypes.some((claim) => claim === type || (isPrefix(claim) && type.startsWith(claim)));
}

const isPrefix = (claim: string) => claim.endsWith('::');

function prefixesOf(type: string, claimants: ReadonlyMap<string, ServicePlugin[]>): string[] {
  return [...claimants.keys()].filter((claim) => isPrefix(claim) && claim !== type && type.startsWith(claim));
}

function claimantsByType(plugins: readonly ServicePlugin[]): Map<string, ServicePlugin[]> {
  const claimants = new Map<string, ServicePlugin[]>();
  for (const plugin of plugins) {
    for (const type of plugin.resourceTypes) {
      const others = claimants.get(type) ?? [];
      const unfiltered = [plugin, ...others].find((p) => !p.owns);
      if (others[0] && unfiltered) {
        throw new ServiceStartError(`${type} is claimed by both ${others[0].name} and ${plugin.name}, and ${unfiltered.name} does not say which resources it owns`);
      }
      claimants.set(type, [...others, plugin]);
    }
  }
  return claimants;
}
