import type { ServicePlugin } from '../core/contracts';
import { makeActivityRoute } from './activity-route';
import { buildRegistry } from './function-config';
import { makeLambdaEndpoint } from './invoke-api';
import { makeLogRoute } from './log-route';
import { LambdaService, type LambdaServiceOptions } from './lambda-service';

/** Tuning of the local Lambda service (retry waits, idle time, account concurrency). */
export type LambdaPluginOptions = Pick<LambdaServiceOptions, 'accountConcurrency' | 'idleTimeoutMs' | 'asyncRetryDelaysMs' | 'throttleRetryMs'>;

/** The Lambda resource types this service emulates. Event source mappings belong to their source (sqs). */
export const LAMBDA_RESOURCE_TYPES = ['AWS::Lambda::Function', 'AWS::Lambda::Version', 'AWS::Lambda::Alias', 'AWS::Lambda::EventInvokeConfig'] as const;

/**
 * The Lambda plug-in: runs the functions, serves the Invoke API and provides the `lambda` port; serves each
 * function's logs at `/_local/lambda-logs` and every finished invocation at `/_local/lambda-activity` (SSE).
 * `onStart` hands the started service to the caller (tests read logs and environment counts through it).
 *
 * @example
 * const cloud = await LocalCloud.start({ assembly: 'cdk.out', plugins: [lambdaPlugin({ asyncRetryDelaysMs: [100, 200] })] });
 */
export function lambdaPlugin(options: LambdaPluginOptions & { onStart?: (service: LambdaService) => void } = {}): ServicePlugin {
  return {
    name: 'lambda',
    resourceTypes: LAMBDA_RESOURCE_TYPES,
    async start(ctx) {
      const registry = buildRegistry(ctx.resources, ctx.dataDir);
      const logger = ctx.logger;
      for (const fn of registry.functions.values()) {
        if (!fn.runtime.startsWith('nodejs')) logger.warn('runtime not emulated: invokes will fail', { functionName: fn.name, runtime: fn.runtime });
      }
      const service = new LambdaService(registry, { ...options, ports: ctx.ports, logger, region: ctx.region, endpointUrl: ctx.endpointUrl });
      options.onStart?.(service);
      return {
        endpoints: [makeLambdaEndpoint(service)],
        provides: { lambda: service },
        localRoutes: { 'lambda-logs': makeLogRoute(service), 'lambda-activity': makeActivityRoute(service) },
        stop: () => service.stop(),
      };
    },
  };
}
