import { StateMachine, type StateMachineDefinition } from 'aws-local-stepfunctions';
import type { Json } from '../../core/contracts';
import { checkPayload } from '../asl/payload';
import type { MachineDefinition, StateDefinition } from '../asl/types';
import { parseResource } from '../tasks/resource';

/** A definition this emulator refuses: invalid ASL, or a feature it cannot honour (never silently ignored). */
export class InvalidDefinitionError extends Error {
  override readonly name = 'InvalidDefinitionError';
  readonly code = 'STATES.INVALID_DEFINITION';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

export type StateMachineType = 'STANDARD' | 'EXPRESS';

/** Fields of JSONata states, variables and Distributed Map that the interpreter cannot run. */
const REFUSED_FIELDS: Record<string, string> = {
  Assign: 'workflow variables (Assign)',
  Output: 'JSONata Output',
  Arguments: 'JSONata Arguments',
  Items: 'JSONata Items',
  Credentials: 'cross-account Credentials',
  ItemReader: 'Distributed Map ItemReader',
  ResultWriter: 'Distributed Map ResultWriter',
  ItemBatcher: 'Distributed Map ItemBatcher',
  ToleratedFailurePercentage: 'Distributed Map ToleratedFailurePercentage',
  ToleratedFailurePercentagePath: 'Distributed Map ToleratedFailurePercentagePath',
  ToleratedFailureCount: 'Distributed Map ToleratedFailureCount',
  ToleratedFailureCountPath: 'Distributed Map ToleratedFailureCountPath',
  Label: 'Distributed Map Label',
  MaxConcurrencyPath: 'MaxConcurrencyPath',
};
const PATH_FIELDS = ['InputPath', 'OutputPath', 'ResultPath', 'ItemsPath', 'SecondsPath', 'TimestampPath', 'TimeoutSecondsPath', 'HeartbeatSecondsPath'];

/**
 * Parses and checks a definition: valid ASL (aws-local-stepfunctions' validator), then a refusal of
 * everything this emulator does not run, with a message naming the state and the feature.
 *
 * @example
 * parseDefinition('{"StartAt":"A","States":{"A":{"Type":"Succeed"}}}', 'STANDARD');
 */
export function parseDefinition(source: string | Json, type: StateMachineType): MachineDefinition {
  let definition: MachineDefinition;
  try {
    definition = (typeof source === 'string' ? JSON.parse(source) : source) as MachineDefinition;
  } catch (err) {
    throw new InvalidDefinitionError(`The definition is not valid JSON: ${(err as Error).message}`, { cause: err });
  }
  if (!definition || typeof definition !== 'object' || typeof definition.States !== 'object') {
    throw new InvalidDefinitionError('The definition must be an object with StartAt and States');
  }
  checkMachine(definition, type, 'the state machine');
  try {
    new StateMachine(definition as unknown as StateMachineDefinition, { validationOptions: { checkArn: false, checkPaths: false } });
  } catch (err) {
    throw new InvalidDefinitionError((err as Error).message, { cause: err });
  }
  return definition;
}

function checkMachine(machine: MachineDefinition, type: StateMachineType, where: string): void {
  if (machine.QueryLanguage === 'JSONata') throw refuse(where, 'QueryLanguage JSONata');
  for (const [name, state] of Object.entries(machine.States ?? {})) checkState(name, state, type);
}

/** Checks one state (also used by TestState, which receives a single state). */
export function checkState(name: string, state: StateDefinition, type: StateMachineType): void {
  const where = `state '${name}'`;
  if (!state || typeof state !== 'object') throw new InvalidDefinitionError(`${where} is not an object`);
  if (state.QueryLanguage === 'JSONata') throw refuse(where, 'QueryLanguage JSONata');
  for (const [field, feature] of Object.entries(REFUSED_FIELDS)) if (field in state) throw refuse(where, feature);
  for (const field of PATH_FIELDS) checkNoVariable(state[field], where, field);
  for (const field of ['Parameters', 'ResultSelector', 'ItemSelector'] as const) {
    if (state[field] !== undefined) guard(() => checkPayload(state[field]!, `${where} ${field}`));
  }
  if (state.Type === 'Choice') (state.Choices ?? []).forEach((rule) => checkChoiceRule(rule, where));
  if (state.Type === 'Task') checkTask(state, where, type);
  if (state.Type === 'Parallel') (state.Branches ?? []).forEach((branch, i) => checkMachine(branch, type, `${where} branch ${i}`));
  if (state.Type === 'Map') checkMap(state, where, type);
}

function checkTask(state: StateDefinition, where: string, type: StateMachineType): void {
  if (typeof state.Resource !== 'string') throw new InvalidDefinitionError(`${where}: a Task needs a Resource`);
  const resource = guard(() => parseResource(state.Resource!));
  if (type === 'EXPRESS' && resource.kind === 'integration' && resource.pattern !== 'request') {
    throw new InvalidDefinitionError(`${where}: Express state machines do not support '${state.Resource}' (only Request Response)`);
  }
}

function checkMap(state: StateDefinition, where: string, type: StateMachineType): void {
  const processor = state.ItemProcessor ?? state.Iterator;
  if (!processor) throw new InvalidDefinitionError(`${where}: a Map needs an ItemProcessor`);
  const mode = state.ItemProcessor?.ProcessorConfig?.Mode;
  if (mode === 'DISTRIBUTED') throw refuse(where, 'Distributed Map (ProcessorConfig.Mode DISTRIBUTED)');
  if (state.Parameters !== undefined && state.ItemSelector !== undefined) throw new InvalidDefinitionError(`${where}: Parameters and ItemSelector are exclusive`);
  checkMachine(processor, type, `${where} item processor`);
}

function checkChoiceRule(rule: Json, where: string): void {
  if (!rule || typeof rule !== 'object' || Array.isArray(rule)) return;
  if ('Condition' in rule) throw refuse(where, 'JSONata Condition');
  if (Array.isArray(rule.And)) rule.And.forEach((r) => checkChoiceRule(r, where));
  if (Array.isArray(rule.Or)) rule.Or.forEach((r) => checkChoiceRule(r, where));
  if (rule.Not) checkChoiceRule(rule.Not, where);
  checkNoVariable(rule.Variable, where, 'Variable');
}

/** `$name` (not `$.`, `$[` or `$$`) is a workflow variable reference. */
function checkNoVariable(value: unknown, where: string, field: string): void {
  if (typeof value === 'string' && /^\$[A-Za-z_]/.test(value)) throw refuse(where, `workflow variables (${field}: '${value}')`);
}

function refuse(where: string, feature: string): InvalidDefinitionError {
  return new InvalidDefinitionError(`${where} uses ${feature}, which local-cloud's Step Functions does not support`);
}

function guard<T>(check: () => T): T {
  try {
    return check();
  } catch (err) {
    if (err instanceof InvalidDefinitionError) throw err;
    throw new InvalidDefinitionError((err as Error).message, { cause: err });
  }
}
