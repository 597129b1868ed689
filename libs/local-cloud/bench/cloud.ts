import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { SFNClient } from '@aws-sdk/client-sfn';
import { LocalCloud, defaultPlugins, lambdaPlugin, makeLogger, type Logger, type ServicePlugin } from '../src/index';
import { eventBridgePlugin } from '../src/eventbridge';
import type { LambdaService } from '../src/lambda/lambda-service';
import type { ExecutionObservation } from '../src/stepfunctions';
import { benchStackName } from '../test-stacks/bench/probe';
import { ExecutionEnds } from './executions';

/** Warnings and errors of the local cloud go to stderr; its info lines (every function log line) are dropped. */
export const benchLogger: Logger = makeLogger({ level: 'warn', sink: (line) => process.stderr.write(`${line}\n`) });

/** What the bench reaches into: the lambda service (function logs) and the Step Functions observer. */
export interface BenchHooks {
  readonly onLambda?: (service: LambdaService) => void;
  readonly observer?: (observation: ExecutionObservation) => void;
}

/**
 * The plug-ins `local-cloud start` runs (`defaultPlugins()`), with the bench's hooks, plus EventBridge for
 * as long as `defaultPlugins()` does not list it yet.
 *
 * @example
 * await LocalCloud.start({ assembly, plugins: benchPlugins() });
 */
export function benchPlugins(hooks: BenchHooks = {}): ServicePlugin[] {
  const plugins = defaultPlugins(hooks.observer ? { stepFunctions: { observer: hooks.observer } } : {});
  const hooked = plugins.map((plugin) => (plugin.name === 'lambda' && hooks.onLambda ? lambdaPlugin({ onStart: hooks.onLambda }) : plugin));
  return hooked.some((plugin) => plugin.name === 'eventbridge') ? hooked : [...hooked, eventBridgePlugin()];
}

/** A started bench cloud and the real SDK clients pointed at it. */
export interface BenchCloud {
  readonly cloud: LocalCloud;
  readonly lambda: LambdaService;
  readonly executions: ExecutionEnds;
  readonly events: EventBridgeClient;
  readonly sfn: SFNClient;
  /** An output of bench stack `shard`, as a string. */
  output(shard: number, name: string): string;
  stop(): Promise<void>;
}

/**
 * Starts the local cloud on the synthesized bench app and exports its environment into `process.env`, as
 * `eval "$(local-cloud env)"` does, so the SDK clients find it through `AWS_ENDPOINT_URL_*`.
 *
 * @example
 * const bench = await startBenchCloud(cdkOut);
 * await bench.events.send(new PutEventsCommand({ Entries }));
 */
export async function startBenchCloud(assembly: string): Promise<BenchCloud> {
  let lambda: LambdaService | undefined;
  const executions = new ExecutionEnds();
  const plugins = benchPlugins({ onLambda: (service) => (lambda = service), observer: executions.observer });
  const cloud = await LocalCloud.start({ assembly, plugins, logger: benchLogger });
  const unsupported = cloud.report.filter((line) => line.startsWith('unsupported'));
  if (!lambda || unsupported.length > 0) {
    await cloud.stop();
    throw new Error(`The bench app does not run fully locally:\n${unsupported.join('\n') || 'no lambda service'}`);
  }
  Object.assign(process.env, cloud.environment());
  const events = new EventBridgeClient({});
  const sfn = new SFNClient({});
  const outputs = cloud.outputs();
  return {
    cloud,
    lambda,
    executions,
    events,
    sfn,
    output: (shard, name) => String(outputs[benchStackName(shard)]?.[name]),
    stop: async () => {
      events.destroy();
      sfn.destroy();
      await cloud.stop();
    },
  };
}
