import { join } from 'node:path';
import type { Json, JsonObject, ResolvedResource } from '../core/contracts';
import type { CloudAssembly, StackArtifact } from './cloud-assembly';
import { dependenciesOf } from './dependencies';
import { TemplateResolutionError } from './errors';
import { NO_VALUE, resolve } from './intrinsics';
import { makeStackScope, type DeployTarget, type StackScope } from './stack-scope';

/** One stack after resolution. */
export interface ResolvedStack {
  readonly stackName: string;
  readonly displayName: string;
  readonly region: string;
  /** The resources whose condition holds, in template order. */
  readonly resources: readonly ResolvedResource[];
  /** Logical ids left out because their `Condition` is false. */
  readonly skipped: readonly string[];
  readonly outputs: Readonly<Record<string, Json>>;
  readonly exports: Readonly<Record<string, Json>>;
  /** Values that cannot be known locally (GetAtt of an attribute no local rule produces). */
  readonly warnings: readonly string[];
}

export interface ResolvedCloud {
  readonly stacks: readonly ResolvedStack[];
  readonly resources: readonly ResolvedResource[];
}

export interface ResolveOptions {
  readonly accountId: string;
  /** Region of environment-agnostic stacks; a stack whose environment names a region keeps it. */
  readonly region: string;
  /** The gateway's base URL; queue URLs and API endpoints point at it. */
  readonly endpointUrl: string;
  /** Parameter values by stack name, then parameter name. */
  readonly parameters?: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

/**
 * Resolves every stack of an assembly in dependency order, so `Fn::ImportValue` sees the exports, and
 * `Fn::GetStackOutput` the outputs, of the stacks deployed before it, as CloudFormation requires.
 *
 * @example
 * const cloud = resolveAssembly(loadAssembly('cdk.out'), { accountId: '000000000000', region: 'us-east-1', endpointUrl });
 * cloud.resources.filter((r) => r.type === 'AWS::Lambda::Function').map((r) => r.arn);
 */
export function resolveAssembly(assembly: CloudAssembly, options: ResolveOptions): ResolvedCloud {
  const exports = new Map<string, Json>();
  const outputs = new Map<string, Readonly<Record<string, Json>>>();
  const stacks: ResolvedStack[] = [];
  for (const artifact of deploymentOrder(assembly.stacks)) {
    const target: DeployTarget = {
      accountId: options.accountId,
      region: artifact.region ?? options.region,
      endpointUrl: options.endpointUrl,
    };
    const stack = resolveStack(artifact, target, { exports, outputs }, options.parameters?.[artifact.stackName]);
    outputs.set(stack.stackName, stack.outputs);
    for (const [name, value] of Object.entries(stack.exports)) {
      if (exports.has(name))
        throw new TemplateResolutionError(
          `Export "${name}" of ${stack.stackName} is already exported by another stack`,
        );
      exports.set(name, value);
    }
    stacks.push(stack);
  }
  return { stacks, resources: stacks.flatMap((s) => s.resources) };
}

function resolveStack(
  artifact: StackArtifact,
  target: DeployTarget,
  earlier: { exports: ReadonlyMap<string, Json>; outputs: ReadonlyMap<string, Readonly<Record<string, Json>>> },
  parameters?: Readonly<Record<string, string>>,
): ResolvedStack {
  const scope = makeStackScope(artifact, target, earlier.exports, earlier.outputs, parameters);
  const entries = Object.entries(artifact.template.Resources ?? {});
  const created = entries.filter(([id]) => scope.isCreated(id));
  const resources = created.map(([logicalId, resource]) => {
    const identity = scope.identity(logicalId);
    const properties = localize(resolve(resource.Properties ?? {}, scope), target.endpointUrl) as JsonObject;
    const assetPath = assetPathOf(artifact, resource.Metadata, properties);
    const dependsOn = dependenciesOf(resource, artifact.template.Resources ?? {}).filter((id) => scope.isCreated(id));
    return {
      stackName: artifact.stackName,
      logicalId,
      type: resource.Type,
      ref: identity.ref,
      physicalName: identity.physicalName,
      ...(identity.arn !== undefined && { arn: identity.arn }),
      attributes: identity.attributes,
      properties,
      dependsOn,
      ...(assetPath !== undefined && { assetPath }),
    } satisfies ResolvedResource;
  });
  const { outputs, exports } = outputsOf(artifact, scope, target.endpointUrl);
  return {
    stackName: artifact.stackName,
    displayName: artifact.displayName,
    region: target.region,
    resources,
    skipped: entries.filter(([id]) => !scope.isCreated(id)).map(([id]) => id),
    outputs,
    exports,
    warnings: [...new Set(scope.warnings)],
  };
}

function outputsOf(artifact: StackArtifact, scope: StackScope, endpointUrl: string) {
  const outputs: Record<string, Json> = {};
  const exports: Record<string, Json> = {};
  for (const [name, output] of Object.entries(artifact.template.Outputs ?? {})) {
    if (output.Condition !== undefined && !scope.condition(output.Condition)) continue;
    const value = localize(resolve(output.Value, scope), endpointUrl);
    if (value === NO_VALUE) continue;
    outputs[name] = value;
    if (output.Export) exports[String(resolve(output.Export.Name, scope))] = value;
  }
  return { outputs, exports };
}

/** The asset a resource deploys: named by CDK's asset metadata, else by an S3 key of the asset manifests. */
function assetPathOf(
  artifact: StackArtifact,
  metadata: Record<string, unknown> | undefined,
  properties: JsonObject,
): string | undefined {
  const path = metadata?.['aws:asset:path'];
  if (typeof path === 'string') return join(artifact.assemblyDir, path);
  const keys = JSON.stringify(properties).match(/"[^"]+\.zip"/g) ?? [];
  for (const key of keys) {
    const found = artifact.assets.get(JSON.parse(key) as string);
    if (found) return found;
  }
  return undefined;
}

const EXECUTE_API = /https:\/\/([a-z0-9]{10})\.execute-api\.[a-z0-9-]+\.amazonaws\.com/g;

/** API Gateway URLs that templates build with `Fn::Join` point at the gateway's execute-api path instead. */
function localize(value: ReturnType<typeof resolve>, endpointUrl: string): ReturnType<typeof resolve> {
  if (typeof value === 'string')
    return value.replace(EXECUTE_API, (_url, apiId: string) => `${endpointUrl}/_aws/execute-api/${apiId}`);
  if (Array.isArray(value)) return value.map((item) => localize(item, endpointUrl) as Json);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, localize(item, endpointUrl) as Json]));
  }
  return value;
}

function deploymentOrder(stacks: readonly StackArtifact[]): StackArtifact[] {
  const byId = new Map(stacks.map((s) => [s.artifactId, s]));
  const ordered: StackArtifact[] = [];
  const visiting = new Set<string>();
  const visit = (stack: StackArtifact) => {
    if (ordered.includes(stack)) return;
    if (visiting.has(stack.artifactId))
      throw new TemplateResolutionError(`Stacks depend on each other in a cycle through ${stack.stackName}`);
    visiting.add(stack.artifactId);
    for (const dep of stack.dependencies) {
      const other = byId.get(dep);
      if (other) visit(other);
    }
    visiting.delete(stack.artifactId);
    ordered.push(stack);
  };
  stacks.forEach(visit);
  return ordered;
}
