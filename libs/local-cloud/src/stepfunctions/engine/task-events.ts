import type { Json } from '../../core/contracts';
import type { StateDefinition } from '../asl/types';
import { NO_EVENTS } from '../tasks/dispatch';
import { parseResource, resourceLabel } from '../tasks/resource';
import type { TaskEvents } from '../tasks/types';
import { payload, type HistoryLog, type Thread } from './history';

/**
 * The history events of a Task as GetExecutionHistory shows them: `TaskScheduled`, `TaskStarted`,
 * `TaskSubmitted`, `TaskSucceeded`/`TaskFailed`/`TaskTimedOut`, or `LambdaFunction*` for a function ARN.
 *
 * @example
 * const events = taskEvents(history, thread, { Type: 'Task', Resource: 'arn:aws:states:::sqs:sendMessage', End: true }, 'us-east-1');
 */
export function taskEvents(history: HistoryLog, thread: Thread, state: StateDefinition, region: string): TaskEvents {
  if (state.Type !== 'Task') return NO_EVENTS;
  const resource = parseResource(state.Resource!);
  const add = (type: string, details?: { [key: string]: Json | undefined }) => void history.append(thread, type, details);
  if (resource.kind === 'lambda-function') {
    return {
      scheduled: ({ parameters, timeoutInSeconds }) => add('LambdaFunctionScheduled', { resource: resource.functionArn, ...payload('input', parameters), timeoutInSeconds }),
      started: () => add('LambdaFunctionStarted'),
      submitted: () => undefined,
      succeeded: (output) => add('LambdaFunctionSucceeded', payload('output', output)),
      failed: (error, cause) => add('LambdaFunctionFailed', { error, cause }),
      timedOut: (error, cause) => add('LambdaFunctionTimedOut', { error, cause }),
    };
  }
  const label = resourceLabel(resource);
  return {
    scheduled: ({ parameters, timeoutInSeconds, heartbeatInSeconds }) =>
      add('TaskScheduled', { ...label, region, parameters: JSON.stringify(parameters), timeoutInSeconds, heartbeatInSeconds }),
    started: () => add('TaskStarted', label),
    submitted: (output) => add('TaskSubmitted', { ...label, ...payload('output', output) }),
    succeeded: (output) => add('TaskSucceeded', { ...label, ...payload('output', output) }),
    failed: (error, cause) => add('TaskFailed', { ...label, error, cause }),
    timedOut: (error, cause) => add('TaskTimedOut', { ...label, error, cause }),
  };
}
