import type { Json, ResolvedResource } from '../core/contracts';
import { StepFunctionsApiError } from './engine/api-errors';
import type { StateMachineType } from './engine/definition';
import type { StepFunctionsEngine } from './engine/engine';
import type { StateMachineRecord } from './engine/execution';
import type { AliasRoute } from './engine/qualifiers';

/** A resolved `AWS::StepFunctions::StateMachine` the emulator refuses, naming the stack and resource. */
export class StateMachineLoadError extends Error {
  override readonly name = 'StateMachineLoadError';
  readonly code = 'STATES.STATE_MACHINE_REFUSED';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/**
 * The definition text of a resolved state machine resource: `DefinitionString` (tokens already resolved)
 * or `Definition`, with `DefinitionSubstitutions` (`${key}`) applied as CloudFormation does.
 *
 * @example
 * definitionOf({ DefinitionString: '{"Comment":"${c}",...}', DefinitionSubstitutions: { c: 'x' } });
 */
export function definitionOf(properties: { [key: string]: Json }): string {
  const raw = properties.DefinitionString ?? properties.Definition;
  if (raw === undefined) {
    const s3 = properties.DefinitionS3Location !== undefined ? ' (DefinitionS3Location is not supported)' : '';
    throw new Error(`the resource has no DefinitionString or Definition${s3}`);
  }
  let text = typeof raw === 'string' ? raw : JSON.stringify(raw);
  const substitutions = properties.DefinitionSubstitutions;
  if (substitutions && typeof substitutions === 'object' && !Array.isArray(substitutions)) {
    for (const [key, value] of Object.entries(substitutions)) {
      const replacement = typeof value === 'string' ? value : JSON.stringify(value);
      // In a JSON Definition the value lands inside a JSON string, so it is escaped as one.
      text = text.split(`\${${key}}`).join(typeof raw === 'string' ? replacement : JSON.stringify(replacement).slice(1, -1));
    }
  }
  return text;
}

/**
 * Registers one resolved state machine with the engine under the name and ARN the template gave it.
 * What the emulator cannot honour fails here, with the state and feature named.
 *
 * @example
 * loadStateMachine(engine, resource); // throws StateMachineLoadError for a JSONata state machine
 */
export function loadStateMachine(engine: StepFunctionsEngine, resource: ResolvedResource): StateMachineRecord {
  const props = resource.properties;
  const where = `${resource.stackName}/${resource.logicalId}`;
  try {
    const type = (typeof props.StateMachineType === 'string' ? props.StateMachineType : 'STANDARD') as StateMachineType;
    return engine.createStateMachine({
      name: resource.physicalName,
      arn: resource.arn ?? resource.ref,
      definition: definitionOf(props),
      roleArn: typeof props.RoleArn === 'string' ? props.RoleArn : `arn:aws:iam::000000000000:role/${resource.physicalName}-role`,
      type,
    });
  } catch (err) {
    const reason = err instanceof StepFunctionsApiError || err instanceof Error ? err.message : String(err);
    throw new StateMachineLoadError(`State machine ${where} cannot run locally: ${reason}`, { cause: err });
  }
}

/** The template's state machine types, in the order they must load: a version needs its machine, an alias its versions. */
export const STATE_MACHINE_RESOURCE_TYPES = [
  'AWS::StepFunctions::StateMachine',
  'AWS::StepFunctions::StateMachineVersion',
  'AWS::StepFunctions::StateMachineAlias',
] as const;

/**
 * Registers a resolved `AWS::StepFunctions::StateMachineVersion` or `StateMachineAlias`. An alias routes by its
 * RoutingConfiguration, or, with a DeploymentPreference, to the version it deploys: locally there is no traffic
 * shifting, so every deployment has completed.
 *
 * @example
 * loadQualifier(engine, versionResource); // StartExecution now accepts `<state machine ARN>:1`
 */
export function loadQualifier(engine: StepFunctionsEngine, resource: ResolvedResource): void {
  const where = `${resource.stackName}/${resource.logicalId}`;
  const arn = resource.arn ?? resource.ref;
  try {
    if (resource.type === 'AWS::StepFunctions::StateMachineVersion') engine.publishVersion(arn);
    else engine.createAlias(arn, aliasRoutes(resource.properties));
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new StateMachineLoadError(`${resource.type} ${where} cannot run locally: ${reason}`, { cause: err });
  }
}

function aliasRoutes(properties: { [key: string]: Json }): AliasRoute[] {
  const routing = properties.RoutingConfiguration;
  if (Array.isArray(routing)) {
    return routing.map((route) => {
      const { StateMachineVersionArn, Weight } = route as { StateMachineVersionArn?: Json; Weight?: Json };
      return { versionArn: String(StateMachineVersionArn), weight: Number(Weight) };
    });
  }
  const preference = properties.DeploymentPreference as { StateMachineVersionArn?: Json } | undefined;
  return preference?.StateMachineVersionArn === undefined
    ? []
    : [{ versionArn: String(preference.StateMachineVersionArn), weight: 100 }];
}
