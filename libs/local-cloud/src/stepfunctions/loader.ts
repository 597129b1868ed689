import type { Json, ResolvedResource } from '../core/contracts';
import { StepFunctionsApiError } from './engine/api-errors';
import type { StateMachineType } from './engine/definition';
import type { StepFunctionsEngine } from './engine/engine';
import type { StateMachineRecord } from './engine/execution';

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
