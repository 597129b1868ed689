import type { Json } from '../../core/contracts';
import { errorAndCause, ERRORS } from '../asl/errors';
import { timeoutError } from '../engine/library-timeout';
import { httpInvoke } from './http';
import { invokeFunction, lambdaInvoke } from './lambda';
import { startExecutionTask } from './nested';
import { dynamoDbTask, putEventsTask, sendMessageTask } from './optimized';
import { callAws } from './sdk';
import type { IntegrationDeps, TaskCall, TaskEvents } from './types';

/**
 * Runs a Task's resource: schedules it in the history, calls the integration, waits for the task token
 * when the pattern is `.waitForTaskToken`, and enforces TimeoutSeconds (`States.Timeout`).
 *
 * @example
 * const result = await runTask(deps, { resource, parameters, signal }, events);
 */
export async function runTask(deps: IntegrationDeps, call: TaskCall, events: TaskEvents): Promise<Json> {
  events.scheduled({ parameters: call.parameters, timeoutInSeconds: call.timeoutSeconds, heartbeatInSeconds: call.heartbeatSeconds });
  const work = (async () => {
    events.started();
    const output = await callIntegration(deps, call);
    if (call.resource.kind !== 'integration' || call.resource.pattern !== 'callback') return output;
    events.submitted(output);
    const heartbeatMs = call.heartbeatSeconds === undefined ? undefined : call.heartbeatSeconds * 1000 * deps.timeScale;
    return deps.tokens.wait(call.token!, { heartbeatMs, signal: call.signal });
  })();
  try {
    const output = await withTimeout(work, call, deps);
    events.succeeded(output);
    return output;
  } catch (err) {
    const { error, cause } = errorAndCause(err);
    if (error === ERRORS.timeout || error === ERRORS.heartbeatTimeout) events.timedOut(error, cause);
    else events.failed(error, cause);
    throw err;
  }
}

async function withTimeout(work: Promise<Json>, call: TaskCall, deps: IntegrationDeps): Promise<Json> {
  if (call.timeoutSeconds === undefined) return work;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const err = timeoutError(`The task did not finish within ${call.timeoutSeconds} seconds`);
      if (call.token) deps.tokens.close(call.token, err);
      reject(err);
    }, call.timeoutSeconds! * 1000 * deps.timeScale);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function callIntegration(deps: IntegrationDeps, call: TaskCall): Promise<Json> {
  const { resource, parameters } = call;
  if (resource.kind === 'lambda-function') return invokeFunction(deps, resource.functionArn, parameters);
  if (resource.sdk) return callAws(deps, resource.service, resource.action, parameters);
  switch (`${resource.service}:${resource.action}`) {
    case 'lambda:invoke':
      return lambdaInvoke(deps, parameters);
    case 'events:putEvents':
      return putEventsTask(deps, parameters);
    case 'sqs:sendMessage':
      return sendMessageTask(deps, parameters);
    case 'states:startExecution':
      return startExecutionTask(deps, parameters, resource.pattern);
    case 'http:invoke':
      return httpInvoke(deps, parameters, call.signal, call.onHttp);
    default:
      return dynamoDbTask(deps, resource.action, parameters);
  }
}

/** Events that go nowhere (TestState keeps no history). */
export const NO_EVENTS: TaskEvents = {
  scheduled: () => undefined,
  started: () => undefined,
  submitted: () => undefined,
  succeeded: () => undefined,
  failed: () => undefined,
  timedOut: () => undefined,
};
