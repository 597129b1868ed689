import type { Json } from '../core/contracts';
import type { StackArtifact } from './cloud-assembly';
import { isCustomResourceType } from './custom-resources';
import { hasDynamicReference } from './dynamic-reference-syntax';
import { DynamicReferenceError, TemplateResolutionError } from './errors';
import { NO_VALUE, condition, resolve, type ResolveScope, type Resolved } from './intrinsics';
import { generatedName, stackIdOf } from './names';
import { lateValueToken } from './late-values';
import { identityOf, namePropertyOf, type Identity } from './resource-types';

/** Where the stack is "deployed". */
export interface DeployTarget {
  readonly accountId: string;
  readonly region: string;
  readonly endpointUrl: string;
}

/** A per-stack resolution scope: parameters, pseudo parameters, conditions and resource identities, memoized. */
export interface StackScope extends ResolveScope {
  identity(logicalId: string): Identity;
  isCreated(logicalId: string): boolean;
  readonly warnings: string[];
}

/**
 * Builds the scope that resolves one stack's intrinsics. Identities are computed lazily, so a name that is
 * itself a token (`FunctionName: { 'Fn::Join': [...] }`) resolves in dependency order; cycles are reported.
 */
export function makeStackScope(
  stack: StackArtifact,
  target: DeployTarget,
  imports: ReadonlyMap<string, Json>,
  stackOutputs: ReadonlyMap<string, Readonly<Record<string, Json>>>,
  parameterOverrides: Readonly<Record<string, string>> = {},
): StackScope {
  const { template } = stack;
  const resources = template.Resources ?? {};
  const conditions = new Map<string, boolean>();
  const identities = new Map<string, Identity>();
  const inProgress = new Set<string>();
  const warnings: string[] = [];
  const pseudo: Record<string, Resolved> = {
    'AWS::AccountId': target.accountId,
    'AWS::Region': target.region,
    'AWS::Partition': 'aws',
    'AWS::URLSuffix': 'amazonaws.com',
    'AWS::StackName': stack.stackName,
    'AWS::StackId': stackIdOf(stack.stackName, target.region, target.accountId),
    'AWS::NotificationARNs': [],
    'AWS::NoValue': NO_VALUE,
  };

  const parameter = (name: string): Json => {
    const definition = template.Parameters?.[name];
    const value = parameterOverrides[name] ?? stack.parameters[name] ?? definition?.Default;
    if (value === undefined)
      throw new TemplateResolutionError(`Stack ${stack.stackName}: parameter ${name} has no value and no default`);
    const ssmType = SSM_PARAMETER_TYPE.exec(definition?.Type ?? '')?.[1];
    if (ssmType !== undefined) return ssmParameterValue(stack.stackName, name, ssmType, value);
    const isList = definition?.Type.startsWith('List<') || definition?.Type === 'CommaDelimitedList';
    return isList && typeof value === 'string' ? value.split(',') : (value as Json);
  };

  const scope: StackScope = {
    region: target.region,
    warnings,
    ref(name) {
      if (name in pseudo) return pseudo[name]!;
      if (template.Parameters && name in template.Parameters) return parameter(name);
      const { ref } = scope.identity(name);
      // A custom resource's Ref is the PhysicalResourceId its provider answers: known once it has run.
      return isCustomResourceType(resources[name]!.Type) ? lateValueToken(stack.stackName, name) : ref;
    },
    getAtt(logicalId, attribute) {
      const identity = scope.identity(logicalId);
      if (isCustomResourceType(resources[logicalId]!.Type))
        return lateValueToken(stack.stackName, logicalId, attribute);
      const value = identity.attributes[attribute];
      if (value !== undefined) return value;
      warnings.push(
        `${stack.stackName}: Fn::GetAtt ${logicalId}.${attribute} (${resources[logicalId]?.Type}) cannot be known locally`,
      );
      return `unresolved:${logicalId}.${attribute}`;
    },
    condition(name) {
      const known = conditions.get(name);
      if (known !== undefined) return known;
      const expression = template.Conditions?.[name];
      if (expression === undefined)
        throw new TemplateResolutionError(`Stack ${stack.stackName}: unknown condition ${name}`);
      const value = condition(expression, scope);
      conditions.set(name, value);
      return value;
    },
    importValue(exportName) {
      const value = imports.get(exportName);
      if (value === undefined)
        throw new TemplateResolutionError(
          `Stack ${stack.stackName}: no stack exports "${exportName}" (Fn::ImportValue)`,
        );
      return value;
    },
    stackOutput(stackName, outputName) {
      const value = stackOutputs.get(stackName)?.[outputName];
      if (value === undefined) {
        throw new TemplateResolutionError(
          `Stack ${stack.stackName}: no output "${outputName}" in a stack "${stackName}" deployed before it (Fn::GetStackOutput)`,
        );
      }
      return value;
    },
    findInMap(mapName, topKey, secondKey) {
      const value = template.Mappings?.[mapName]?.[topKey]?.[secondKey];
      if (value === undefined)
        throw new TemplateResolutionError(
          `Stack ${stack.stackName}: Fn::FindInMap ${mapName}.${topKey}.${secondKey} is not in the template`,
        );
      return value as Json;
    },
    isCreated(logicalId) {
      const resource = resources[logicalId];
      return resource !== undefined && (resource.Condition === undefined || scope.condition(resource.Condition));
    },
    identity(logicalId) {
      const known = identities.get(logicalId);
      if (known) return known;
      const resource = resources[logicalId];
      if (!resource)
        throw new TemplateResolutionError(
          `Stack ${stack.stackName}: Ref/GetAtt to unknown resource or parameter "${logicalId}"`,
        );
      if (!scope.isCreated(logicalId))
        throw new TemplateResolutionError(
          `Stack ${stack.stackName}: ${logicalId} is referenced but its condition is false`,
        );
      if (inProgress.has(logicalId))
        throw new TemplateResolutionError(`Stack ${stack.stackName}: circular reference through ${logicalId}`);
      inProgress.add(logicalId);
      try {
        const identity = identityOf(resource.Type, namingInput(logicalId));
        identities.set(logicalId, identity);
        return identity;
      } finally {
        inProgress.delete(logicalId);
      }
    },
  };

  const prop = (logicalId: string, name: string): Json | undefined => {
    const raw = resources[logicalId]?.Properties?.[name];
    if (raw === undefined) return undefined;
    const value = resolve(raw, scope);
    return value === NO_VALUE ? undefined : value;
  };

  const namingInput = (logicalId: string) => {
    const type = resources[logicalId]!.Type;
    return {
      stackName: stack.stackName,
      logicalId,
      region: target.region,
      accountId: target.accountId,
      endpointUrl: target.endpointUrl,
      prop: (name: string) => prop(logicalId, name),
      name(options: { maxLength?: number; lowercase?: boolean; suffix?: string } = {}) {
        const nameProperty = namePropertyOf(type);
        const explicit = nameProperty ? prop(logicalId, nameProperty) : undefined;
        if (typeof explicit === 'string' && hasDynamicReference(explicit)) {
          const site = { stackName: stack.stackName, logicalId, type, property: nameProperty ?? '' };
          throw new DynamicReferenceError(site, explicit, 'a name is needed when the template is loaded, before Secrets Manager and SSM hold any value (CloudFormation advises against dynamic references in a resource\'s identifier)');
        }
        if (typeof explicit === 'string') return explicit;
        return generatedName(stack.stackName, logicalId, { maxLength: options.maxLength ?? 64, ...options });
      },
      ordinal(parentProperty: string) {
        const parent = JSON.stringify(prop(logicalId, parentProperty));
        const siblings = Object.keys(resources).filter(
          (id) =>
            resources[id]!.Type === type && scope.isCreated(id) && JSON.stringify(prop(id, parentProperty)) === parent,
        );
        return siblings.indexOf(logicalId) + 1;
      },
    };
  };

  return scope;
}

/** `AWS::SSM::Parameter::Value<String>`: the parameter's value is the name of a Parameter Store parameter. */
const SSM_PARAMETER_TYPE = /^AWS::SSM::Parameter::Value<(.+)>$/;

/**
 * A template parameter of an SSM parameter type (CDK's `StringParameter.valueForStringParameter` without a
 * version) stands for the latest value of the parameter it names: it becomes the dynamic reference
 * `{{resolve:ssm:<name>}}`, read as the services start, when Parameter Store holds it. A list cannot be split
 * before then, so list types are refused.
 */
function ssmParameterValue(stackName: string, parameter: string, valueType: string, name: unknown): string {
  if (typeof name !== 'string' || name === '') {
    throw new TemplateResolutionError(`Stack ${stackName}: parameter ${parameter} (AWS::SSM::Parameter::Value<${valueType}>) must name a Parameter Store parameter`);
  }
  if (valueType.startsWith('List<') || valueType === 'CommaDelimitedList') {
    throw new TemplateResolutionError(
      `Stack ${stackName}: parameter ${parameter} reads the list parameter ${name} from Parameter Store, which the local cloud reads only as services start, too late to split it into a list`,
    );
  }
  return `{{resolve:ssm:${name}}}`;
}
