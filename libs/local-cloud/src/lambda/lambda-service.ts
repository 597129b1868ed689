import { randomUUID } from 'node:crypto';
import type { Json, LambdaInvoker, Logger, Ports } from '../core/contracts';
import { endpointEnvironment, LOCAL_CREDENTIALS } from '../core/endpoint-env';
import { correlationIdOf } from '../core/logger';
import { AsyncInvoker } from './async-invoker';
import { LambdaFunctionError, LambdaNotFoundError } from './errors';
import { DEFAULT_ASYNC_CONFIG, parseFunctionReference, type FunctionConfig, type FunctionRegistry } from './function-config';
import { FunctionPool, type InvokeResult } from './function-pool';
import { invocationActivity, type InvocationActivity, type InvokeEntry } from './invocation-activity';
import { LogStore } from './log-store';

export interface LambdaServiceOptions {
  readonly ports: Ports;
  readonly logger: Logger;
  readonly region: string;
  readonly endpointUrl: string;
  /** Concurrency of a function that reserves none; AWS's default account limit is 1000. */
  readonly accountConcurrency?: number;
  /** Idle environments are shut down after this long (default 10 minutes). */
  readonly idleTimeoutMs?: number;
  /** Waits before async retries (default 60 s then 120 s, as AWS). */
  readonly asyncRetryDelaysMs?: readonly number[];
  /** First wait after an async invoke is throttled (default 1 s, doubling). */
  readonly throttleRetryMs?: number;
}

/** How one synchronous run was asked for: its request id, the Invoke API's client context, the entry it came through. */
export interface RunCall {
  readonly requestId?: string;
  readonly clientContext?: Json;
  /** Defaults to `port-sync`: another service's RequestResponse invoke through the `lambda` port. */
  readonly entry?: InvokeEntry;
}

/** A function reference resolved to its function and qualifier. */
export interface ResolvedTarget {
  readonly pool: FunctionPool;
  readonly qualifier: string;
  readonly executedVersion: string;
}

/**
 * The local Lambda service: runs the functions of the assembly in their own execution environments and
 * implements the `LambdaInvoker` port other services call (rule targets, queue pollers, workflows).
 *
 * @example
 * const lambda = new LambdaService(buildRegistry(resources, dataDir), { ports, logger, region, endpointUrl });
 * await lambda.invoke('arn:aws:lambda:us-east-1:000000000000:function:Shop-Orders-Place-AbC', { cartId: 'c1' });
 */
export class LambdaService implements LambdaInvoker {
  readonly logs = new LogStore();
  private readonly pools = new Map<string, FunctionPool>();
  private readonly async: AsyncInvoker;
  private readonly listeners = new Set<(activity: InvocationActivity) => void>();

  constructor(
    private readonly registry: FunctionRegistry,
    private readonly options: LambdaServiceOptions,
  ) {
    for (const config of registry.functions.values()) this.pools.set(config.name, this.poolOf(config));
    this.async = new AsyncInvoker({
      run: (event) => this.run(this.target(event.functionName, event.qualifier), event.payload, { requestId: event.requestId, entry: event.entry }),
      configFor: (name, qualifier) => registry.asyncConfigs.get(`${name}:${qualifier}`) ?? DEFAULT_ASYNC_CONFIG,
      deadLetterArnOf: (name) => registry.functions.get(name)?.deadLetterArn,
      ports: options.ports,
      logger: options.logger,
      retryDelaysMs: options.asyncRetryDelaysMs ?? [60_000, 120_000],
      throttleRetryMs: options.throttleRetryMs ?? 1_000,
    });
  }

  get functions(): readonly FunctionConfig[] {
    return [...this.registry.functions.values()];
  }

  /** Finds the function a name, partial ARN or ARN names, and checks its qualifier exists. */
  target(reference: string, explicitQualifier?: string): ResolvedTarget {
    const { name, qualifier: inReference } = parseFunctionReference(reference);
    const pool = this.pools.get(name);
    const qualifier = explicitQualifier ?? inReference ?? '$LATEST';
    if (!pool) throw new LambdaNotFoundError(reference);
    if (qualifier === '$LATEST') return { pool, qualifier, executedVersion: '$LATEST' };
    if (this.registry.versions.get(name)?.has(qualifier)) return { pool, qualifier, executedVersion: qualifier };
    const aliased = this.registry.aliases.get(`${name}:${qualifier}`);
    if (aliased) return { pool, qualifier, executedVersion: aliased };
    throw new LambdaNotFoundError(`${pool.config.arn}:${qualifier}`);
  }

  /**
   * Hears every invocation when it ends (throttled ones never ran, so they are not heard); returns the unsubscribe.
   * @example const stop = lambda.subscribe((activity) => console.log(activity.functionName, activity.coldStart));
   */
  subscribe(listener: (activity: InvocationActivity) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** One synchronous invocation with everything the Invoke API reports (throws LambdaThrottledError). */
  async run(target: ResolvedTarget, payload: Json, call: RunCall = {}): Promise<InvokeResult> {
    const startedAt = new Date();
    const result = await this.execute(target, payload, call.requestId ?? randomUUID(), call.clientContext);
    this.report(invocationActivity({ functionName: target.pool.config.name, entry: call.entry ?? 'port-sync', payload, startedAt, result }));
    return result;
  }

  private async execute(target: ResolvedTarget, payload: Json, requestId: string, clientContext: Json | undefined): Promise<InvokeResult> {
    const { config } = target.pool;
    const correlationId = correlationIdOf(payload);
    const logger = this.options.logger.child({ functionName: config.name, requestId, correlationId });
    logger.debug('invoke', { qualifier: target.qualifier });
    if (!config.runtime.startsWith('nodejs') || !config.codeDir) {
      const errorMessage = `local-cloud runs Node.js functions from a code asset; ${config.name} has runtime ${config.runtime}${config.codeDir ? '' : ' and no local code'}`;
      return { ok: false, error: { errorType: 'Runtime.InvalidRuntime', errorMessage }, requestId, executedVersion: target.executedVersion, log: '', durationMs: 0 };
    }
    const result = await target.pool.invoke(payload, {
      requestId,
      correlationId,
      version: target.executedVersion,
      context: {
        functionName: config.name,
        functionVersion: target.executedVersion,
        invokedFunctionArn: target.qualifier === '$LATEST' ? config.arn : `${config.arn}:${target.qualifier}`,
        memoryLimitInMB: String(config.memoryMb),
        logGroupName: `/aws/lambda/${config.name}`,
        ...(clientContext !== undefined && { clientContext }),
      },
    });
    if (!result.ok) logger.warn('function error', { errorType: result.error.errorType, errorMessage: result.error.errorMessage });
    return result;
  }

  async invoke(functionArn: string, payload: Json): Promise<Json> {
    const result = await this.run(this.target(functionArn), payload);
    if (!result.ok) throw new LambdaFunctionError(this.target(functionArn).pool.config.name, result.error, result.requestId);
    return JSON.parse(result.payload) as Json;
  }

  /** `entry` is `invoke-api` when the Invoke API queues the event (`InvocationType: Event`). */
  async invokeAsync(functionArn: string, payload: Json, entry: InvokeEntry = 'port-async'): Promise<void> {
    const target = this.target(functionArn);
    this.async.enqueue({
      functionName: target.pool.config.name,
      functionArn: target.pool.config.arn,
      qualifier: target.qualifier,
      payload,
      requestId: randomUUID(),
      entry,
      receivedAt: Date.now(),
      attempts: 0,
      throttles: 0,
    });
  }

  /** Environments running for a function now (busy or idle). */
  environments(functionName: string): number {
    return this.pools.get(functionName)?.size ?? 0;
  }

  async stop(): Promise<void> {
    this.async.stop();
    for (const pool of this.pools.values()) pool.stop();
  }

  private report(activity: InvocationActivity): void {
    for (const listener of this.listeners) {
      try {
        listener(activity);
      } catch (err) {
        this.options.logger.warn('lambda activity listener failed', { err });
      }
    }
  }

  private poolOf(config: FunctionConfig): FunctionPool {
    return new FunctionPool(config, {
      environment: (logStream) => this.environmentOf(config, logStream),
      logs: this.logs,
      logger: this.options.logger,
      accountConcurrency: this.options.accountConcurrency ?? 1000,
      idleTimeoutMs: this.options.idleTimeoutMs ?? 600_000,
    });
  }

  /** The function's variables, then Lambda's reserved ones (which a function cannot override), as in AWS. */
  private environmentOf(config: FunctionConfig, logStream: string): Record<string, string> {
    const { region, endpointUrl } = this.options;
    return {
      ...config.environment,
      PATH: process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin',
      LANG: 'en_US.UTF-8',
      TZ: ':UTC',
      AWS_REGION: region,
      AWS_DEFAULT_REGION: region,
      AWS_EXECUTION_ENV: `AWS_Lambda_${config.runtime}`,
      AWS_LAMBDA_FUNCTION_NAME: config.name,
      AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
      AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(config.memoryMb),
      AWS_LAMBDA_LOG_GROUP_NAME: `/aws/lambda/${config.name}`,
      AWS_LAMBDA_LOG_STREAM_NAME: logStream,
      AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
      ...(config.logFormat === 'JSON' && { AWS_LAMBDA_LOG_FORMAT: 'JSON', AWS_LAMBDA_LOG_LEVEL: config.applicationLogLevel ?? 'INFO' }),
      AWS_XRAY_CONTEXT_MISSING: 'LOG_ERROR',
      ...LOCAL_CREDENTIALS,
      AWS_ENDPOINT_URL: endpointUrl,
      ...endpointEnvironment(endpointUrl),
    };
  }
}
