import { randomBytes } from 'node:crypto';
import type { Logger } from '../core/contracts';
import { LambdaThrottledError, type FunctionErrorPayload } from './errors';
import { ExecutionEnvironment, isTimeout, type InvokeOutcome } from './execution-environment';
import type { FunctionConfig } from './function-config';
import type { LogStore } from './log-store';

/** The result of one synchronous invocation, as the Invoke API reports it. */
export type InvokeResult = {
  readonly requestId: string;
  readonly executedVersion: string;
  /** This invocation's log lines, START to REPORT (for `X-Amz-Log-Type: Tail`). */
  readonly log: string;
  /** The handler's run time, REPORT's `Duration`. */
  readonly durationMs: number;
  /** REPORT's `Init Duration`: set when this invocation started the environment (a cold start). */
  readonly initMs?: number;
} & ({ readonly ok: true; readonly payload: string } | { readonly ok: false; readonly error: FunctionErrorPayload });

export interface PoolOptions {
  /** The environment every process of this function gets (reserved variables, then the function's own). */
  readonly environment: (logStream: string) => Record<string, string>;
  readonly logs: LogStore;
  readonly logger: Logger;
  /** Concurrency when the function reserves none (the account limit: 1000 on AWS). */
  readonly accountConcurrency: number;
  /** How long an idle environment is kept before it is shut down. */
  readonly idleTimeoutMs: number;
}

interface Slot {
  readonly env: ExecutionEnvironment;
  requestId: string | undefined;
  correlationId: string | undefined;
  reaper?: NodeJS.Timeout;
}

/**
 * The execution environments of one function: an idle one is reused (warm), a new one starts when all are
 * busy (cold start, logged with its init time), and none beyond the reserved concurrency (throttled).
 *
 * @example
 * const result = await pool.invoke(JSON.stringify(event), { requestId, version: '$LATEST', context: {} });
 */
export class FunctionPool {
  private readonly idle: Slot[] = [];
  private readonly all = new Set<Slot>();
  private active = 0;
  private stopped = false;

  constructor(
    readonly config: FunctionConfig,
    private readonly options: PoolOptions,
  ) {}

  /** Environments running now, busy or idle. */
  get size(): number {
    return this.active + this.idle.length;
  }

  /** The most recent idle environment whose process still runs; dead ones are dropped, as Lambda replaces them. */
  private takeLiveIdle(): Slot | undefined {
    for (let slot = this.idle.pop(); slot; slot = this.idle.pop()) {
      if (slot.env.alive) return slot;
      if (slot.reaper) clearTimeout(slot.reaper);
    }
    return undefined;
  }

  async invoke(
    event: unknown,
    call: { requestId: string; version: string; context: Record<string, unknown>; correlationId?: string | undefined },
  ): Promise<InvokeResult> {
    const { config } = this;
    const limit = config.reservedConcurrency ?? this.options.accountConcurrency;
    const warm = this.takeLiveIdle();
    if (!warm && this.active >= limit)
      throw new LambdaThrottledError(config.name, config.reservedConcurrency !== undefined);
    this.active += 1;
    const slot = warm ?? this.spawn();
    if (slot.reaper) clearTimeout(slot.reaper);
    slot.requestId = call.requestId;
    slot.correlationId = call.correlationId;
    const lines: string[] = [];
    const log = (message: string) => lines.push(this.record(slot, message));
    try {
      log(`START RequestId: ${call.requestId} Version: ${call.version}`);
      const init = warm ? undefined : await slot.env.init();
      if (init)
        this.options.logger.info('cold start', {
          functionName: config.name,
          initMs: Math.round(init.initMs),
          requestId: call.requestId,
        });
      const outcome: InvokeOutcome =
        init && !init.ok
          ? { ok: false, error: init.error, durationMs: 0, maxMemoryMb: 0, fatal: true }
          : await slot.env.invoke({
              requestId: call.requestId,
              event,
              context: call.context,
              timeoutMs: config.timeoutSeconds * 1000,
              traceId: traceId(),
            });
      if (isTimeout(outcome))
        log(
          `${new Date().toISOString()} ${call.requestId} Task timed out after ${config.timeoutSeconds.toFixed(2)} seconds`,
        );
      log(`END RequestId: ${call.requestId}`);
      log(report(call.requestId, outcome, config.memoryMb, init?.initMs));
      this.release(slot, !outcome.ok && outcome.fatal);
      const base = {
        requestId: call.requestId,
        executedVersion: call.version,
        log: lines.join('\n'),
        durationMs: outcome.durationMs,
        ...(init && { initMs: init.initMs }),
      };
      return outcome.ok
        ? { ...base, ok: true, payload: outcome.payload }
        : { ...base, ok: false, error: outcome.error };
    } catch (err) {
      this.release(slot, true);
      throw err;
    }
  }

  /** Shuts every environment down; an invocation in progress ends as a runtime exit. */
  stop(): void {
    this.stopped = true;
    this.idle.splice(0);
    for (const slot of this.all) {
      clearTimeout(slot.reaper);
      slot.env.kill();
    }
    this.all.clear();
  }

  private spawn(): Slot {
    const { config } = this;
    const logStream = `${new Date().toISOString().slice(0, 10).replace(/-/g, '/')}/[$LATEST]${randomBytes(16).toString('hex')}`;
    const slot: Slot = { requestId: undefined, correlationId: undefined } as Slot;
    let partial = '';
    const onLog = (text: string) => {
      const parts = (partial + text).split('\n');
      partial = parts.pop() ?? '';
      for (const line of parts) this.record(slot, line);
    };
    const env = new ExecutionEnvironment(
      {
        codeDir: config.codeDir!,
        handler: config.handler,
        memoryMb: config.memoryMb,
        env: this.options.environment(logStream),
      },
      onLog,
    );
    this.all.add(Object.assign(slot, { env }));
    return slot;
  }

  /** Keeps a line in the function's log and echoes it as a structured line of the local cloud's own log. */
  private record(slot: Slot, message: string): string {
    const { requestId, correlationId } = slot;
    this.options.logs.append(this.config.name, requestId, message);
    this.options.logger.info(message, {
      functionName: this.config.name,
      requestId,
      ...(correlationId && { correlationId }),
    });
    return message;
  }

  private release(slot: Slot, discard: boolean): void {
    this.active -= 1;
    slot.requestId = undefined;
    slot.correlationId = undefined;
    if (discard || this.stopped || !slot.env.alive) return this.discard(slot);
    slot.reaper = setTimeout(() => {
      const at = this.idle.indexOf(slot);
      if (at >= 0) this.idle.splice(at, 1);
      this.discard(slot);
    }, this.options.idleTimeoutMs);
    slot.reaper.unref();
    this.idle.push(slot);
  }

  private discard(slot: Slot): void {
    slot.env.kill();
    this.all.delete(slot);
  }
}

function report(requestId: string, outcome: InvokeOutcome, memoryMb: number, initMs: number | undefined): string {
  const fields = [
    `REPORT RequestId: ${requestId}`,
    `Duration: ${outcome.durationMs.toFixed(2)} ms`,
    `Billed Duration: ${Math.ceil(outcome.durationMs + (initMs ?? 0))} ms`,
    `Memory Size: ${memoryMb} MB`,
    `Max Memory Used: ${outcome.maxMemoryMb} MB`,
    ...(initMs === undefined ? [] : [`Init Duration: ${initMs.toFixed(2)} ms`]),
    ...(!outcome.ok && isTimeout(outcome) ? ['Status: timeout'] : []),
  ];
  return fields.join('\t');
}

function traceId(): string {
  const time = Math.floor(Date.now() / 1000).toString(16);
  return `Root=1-${time}-${randomBytes(12).toString('hex')};Parent=${randomBytes(8).toString('hex')};Sampled=0`;
}
