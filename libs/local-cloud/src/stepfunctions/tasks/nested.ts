import type { Json, JsonObject } from '../../core/contracts';
import { ERRORS, runtimeError, StatesError } from '../asl/errors';
import type { IntegrationPattern } from './resource';
import type { IntegrationDeps } from './types';

const asObject = (value: Json): JsonObject =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? value : {};

/**
 * `states:startExecution` (Request Response, `.sync`, `.sync:2`): starts a child execution; the sync forms
 * wait for it and return DescribeExecution's fields (`.sync:2` with Input and Output as JSON), and a child
 * that does not succeed fails the task with `States.TaskFailed` and the description as cause.
 *
 * @example
 * await startExecutionTask(deps, { StateMachineArn: arn, Input: { orderId: 'o-1' } }, 'sync2');
 */
export async function startExecutionTask(
  deps: IntegrationDeps,
  parameters: Json,
  pattern: IntegrationPattern,
): Promise<Json> {
  const params = asObject(parameters);
  if (typeof params.StateMachineArn !== 'string')
    throw runtimeError('states:startExecution needs a StateMachineArn parameter');
  const input =
    params.Input === undefined ? '{}' : typeof params.Input === 'string' ? params.Input : JSON.stringify(params.Input);
  const name = typeof params.Name === 'string' ? params.Name : undefined;
  let child;
  try {
    child = await deps.startExecution(params.StateMachineArn, input, name);
  } catch (err) {
    // Optimized integrations name errors `<Service>.<Java SDK exception class>`: the API's
    // `ExecutionAlreadyExists` is `StepFunctions.ExecutionAlreadyExistsException` to a Catch.
    const code = (err as { code?: string }).code ?? 'ServiceException';
    throw new StatesError(
      `StepFunctions.${code.endsWith('Exception') ? code : `${code}Exception`}`,
      (err as Error).message,
    );
  }
  if (pattern !== 'sync' && pattern !== 'sync2')
    return { ExecutionArn: child.executionArn, StartDate: child.startDate.getTime() };
  const described = await child.done;
  const output: JsonObject = {};
  for (const [key, value] of Object.entries(described)) {
    if (value === undefined) continue;
    const field = key[0]!.toUpperCase() + key.slice(1);
    output[field] = value instanceof Date ? value.getTime() : value;
  }
  if (pattern === 'sync2') {
    for (const field of ['Input', 'Output'])
      if (typeof output[field] === 'string') output[field] = JSON.parse(output[field]) as Json;
  }
  if (output.Status !== 'SUCCEEDED') throw new StatesError(ERRORS.taskFailed, JSON.stringify(output));
  return output;
}
