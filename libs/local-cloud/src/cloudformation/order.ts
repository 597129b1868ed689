import type { ResolvedResource } from '../core/contracts';
import { CircularDependencyError } from './errors';

const keyOf = (stackName: string, logicalId: string) => `${stackName}/${logicalId}`;

/**
 * The order to create custom resources in, as CloudFormation would: stack by stack in deployment order (the
 * order of `all`), and within a stack after every resource each one waits for (`dependsOn`: DependsOn and
 * references), through the resources between them too (a custom resource reading a table another one seeds).
 * `custom` are resources of `all`.
 *
 * @throws CircularDependencyError when resources wait for each other in a cycle
 * @example
 * creationOrder(customResources, cloud.resources).map((r) => r.logicalId); // ['First', 'Second', 'Third']
 */
export function creationOrder(custom: readonly ResolvedResource[], all: readonly ResolvedResource[]): ResolvedResource[] {
  const byKey = new Map(all.map((resource) => [keyOf(resource.stackName, resource.logicalId), resource]));
  const wanted = new Set(custom.map((resource) => keyOf(resource.stackName, resource.logicalId)));
  const ordered: ResolvedResource[] = [];
  const done = new Set<string>();
  const visit = (resource: ResolvedResource, path: readonly string[]): void => {
    const key = keyOf(resource.stackName, resource.logicalId);
    if (done.has(key)) return;
    if (path.includes(resource.logicalId)) throw new CircularDependencyError(resource.stackName, [...path.slice(path.indexOf(resource.logicalId)), resource.logicalId]);
    for (const id of resource.dependsOn ?? []) {
      const dependency = byKey.get(keyOf(resource.stackName, id));
      if (dependency) visit(dependency, [...path, resource.logicalId]);
    }
    done.add(key);
    if (wanted.has(key)) ordered.push(resource);
  };
  for (const resource of all) if (wanted.has(keyOf(resource.stackName, resource.logicalId))) visit(resource, []);
  return ordered;
}
