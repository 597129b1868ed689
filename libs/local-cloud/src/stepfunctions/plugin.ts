import type { ServicePlugin } from '../core/contracts';
import { makeStepFunctionsEndpoint } from './api/endpoint';
import { connectionsIn } from './connections';
import { StepFunctionsEngine, type ExecutionObservation } from './engine/engine';
import { loadQualifier, loadStateMachine, STATE_MACHINE_RESOURCE_TYPES } from './loader';
import type { ConnectionResolver } from './tasks/http';

export interface StepFunctionsServiceOptions {
  /** Multiplies Wait, Retry, timeout and heartbeat durations (0.01 runs a 10 s Wait in 100 ms); default 1. */
  readonly timeScale?: number;
  /** Finds an EventBridge Connection's authorization for `http:invoke` tasks; default: the templates' Connections. */
  readonly resolveConnection?: ConnectionResolver;
  /** Sees every history event of every execution (a web console shows states per correlation id). */
  readonly observer?: (observation: ExecutionObservation) => void;
}

/**
 * The Step Functions plug-in: loads every `AWS::StepFunctions::StateMachine` (and its versions and aliases,
 * which StartExecution accepts), serves the `states` API and
 * provides the `stepFunctions` port (StartExecution for EventBridge targets and API Gateway integrations).
 *
 * @example
 * const plugins = [lambdaService, stepFunctionsService({ resolveConnection })];
 */
export function stepFunctionsService(options: StepFunctionsServiceOptions = {}): ServicePlugin {
  return {
    name: 'stepfunctions',
    resourceTypes: STATE_MACHINE_RESOURCE_TYPES,
    start: async (ctx) => {
      const engine = await StepFunctionsEngine.create({
        region: ctx.region,
        accountId: ctx.accountId,
        endpointUrl: ctx.endpointUrl,
        lambda: ctx.ports.lambda,
        ...options,
        resolveConnection: options.resolveConnection ?? connectionsIn(ctx.allResources ?? [], ctx.ports),
      });
      const ofType = (type: string) => ctx.resources.filter((resource) => resource.type === type);
      const [machines, versions, aliases] = STATE_MACHINE_RESOURCE_TYPES.map(ofType);
      for (const resource of machines ?? []) loadStateMachine(engine, resource);
      for (const resource of [...(versions ?? []), ...(aliases ?? [])]) loadQualifier(engine, resource);
      return {
        endpoints: [makeStepFunctionsEndpoint(engine, ctx.logger.child({ service: 'stepfunctions' }))],
        provides: { stepFunctions: engine },
        stop: async () => engine.stopAll(),
      };
    },
  };
}
