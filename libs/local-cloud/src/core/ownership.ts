import type { ResolvedResource, ServicePlugin } from './contracts';
import { ServiceStartError } from './errors';

/**
 * Which plug-in emulates each resource: the one that declares its type or, for a type several plug-ins
 * share (event source mappings belong to the service of their source), the one whose `owns` accepts it.
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
    const owning = (claimants.get(resource.type) ?? []).filter((plugin) => plugin.owns?.(resource) ?? true);
    const [owner, other] = owning;
    if (owner && other) {
      throw new ServiceStartError(`${resource.stackName}/${resource.logicalId} (${resource.type}) is owned by both ${owner.name} and ${other.name}`);
    }
    if (owner) owners.set(resource, owner.name);
  }
  return (resource) => owners.get(resource);
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
