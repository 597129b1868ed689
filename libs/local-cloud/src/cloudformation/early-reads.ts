import type { ResolvedResource } from '../core/contracts';
import { lateReferencesIn, supportOf, type LateReference } from '../template';
import { CustomResourceReadError } from './errors';

const keyOf = (stackName: string, logicalId: string) => `${stackName}/${logicalId}`;

/**
 * Refuses, before anything runs, the resources that read a custom resource's `Ref` or `Fn::GetAtt` too early:
 * the services set their resources up before custom resources run, so only the custom resources run here
 * (`own`, in order) can read another's values, and only from one that is run. Types with nothing to emulate
 * (IAM policies...) may read anything. Stack outputs are settled later, by LocalCloud.
 *
 * @throws CustomResourceReadError naming every such read
 * @example
 * refuseEarlyReads(ctx.resources, ctx.allResources ?? ctx.resources);
 */
export function refuseEarlyReads(own: readonly ResolvedResource[], all: readonly ResolvedResource[]): void {
  const run = new Set(own.map((resource) => keyOf(resource.stackName, resource.logicalId)));
  const isRun = (ref: LateReference) => run.has(keyOf(ref.stackName, ref.logicalId));
  const problems = all.flatMap((reader) => {
    if (supportOf(reader.type, new Map()).status === 'accepted') return [];
    const canWait = run.has(keyOf(reader.stackName, reader.logicalId));
    return uniqueReads(reader)
      .filter((ref) => !(canWait && isRun(ref)))
      .map((ref) => `${reader.stackName}/${reader.logicalId} (${reader.type}) reads ${describe(ref)}${isRun(ref) ? '' : ', a custom resource the local cloud does not run'}`);
  });
  if (problems.length > 0) throw new CustomResourceReadError(problems);
}

function uniqueReads(resource: ResolvedResource): LateReference[] {
  const refs = lateReferencesIn(resource.properties);
  return refs.filter((ref, index) => refs.findIndex((other) => other.token === ref.token) === index);
}

const describe = (ref: LateReference) => (ref.attribute === undefined ? `Ref ${ref.logicalId}` : `Fn::GetAtt ${ref.logicalId}.${ref.attribute}`);
