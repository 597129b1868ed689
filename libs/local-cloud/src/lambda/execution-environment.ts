import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { FunctionErrorPayload } from './errors';

const BOOTSTRAP = fileURLToPath(new URL('./runtime/bootstrap.mjs', import.meta.url));
/** Lambda's INIT phase limit. */
const INIT_TIMEOUT_MS = 10_000;

/** What one invocation produced. `fatal` outcomes (timeout, crash, failed init) destroy the environment. */
export type InvokeOutcome =
  | { readonly ok: true; readonly payload: string; readonly durationMs: number; readonly maxMemoryMb: number }
  | { readonly ok: false; readonly error: FunctionErrorPayload; readonly durationMs: number; readonly maxMemoryMb: number; readonly fatal: boolean };

export interface Invocation {
  readonly requestId: string;
  readonly event: unknown;
  readonly context: Record<string, unknown>;
  readonly timeoutMs: number;
  readonly traceId: string;
}

type ChildMessage =
  | { type: 'log'; text: string }
  | { type: 'ready'; initMs: number }
  | { type: 'init-error'; error: FunctionErrorPayload; initMs: number }
  | { type: 'result'; requestId: string; ok: true; payload: string; rss: number }
  | { type: 'result'; requestId: string; ok: false; error: FunctionErrorPayload; rss: number }
  | { type: 'crash'; error: FunctionErrorPayload };

/**
 * One execution environment: a Node.js child process that loads the handler once and then serves one
 * invocation at a time, so module scope survives between warm invokes and a cold start really costs
 * the module load. Its heap is capped at the function's memory size.
 *
 * @example
 * const env = new ExecutionEnvironment({ codeDir, handler: 'index.handler', memoryMb: 128, env: {} }, console.log);
 * const init = await env.init();
 * const outcome = await env.invoke({ requestId, event: {}, context: {}, timeoutMs: 3000, traceId });
 */
export class ExecutionEnvironment {
  private readonly child: ChildProcess;
  private pending: ((message: ChildMessage) => void) | undefined;
  private exited = false;
  private readonly spec: { codeDir: string; handler: string };

  constructor(
    spec: { codeDir: string; handler: string; memoryMb: number; env: Record<string, string> },
    private readonly onLog: (text: string) => void,
  ) {
    this.child = fork(BOOTSTRAP, [], {
      cwd: spec.codeDir,
      env: { ...spec.env, LAMBDA_TASK_ROOT: spec.codeDir, _HANDLER: spec.handler },
      execArgv: [`--max-old-space-size=${Math.max(64, spec.memoryMb)}`, '--enable-source-maps'],
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      serialization: 'advanced',
    });
    this.spec = spec;
    this.child.stdout?.on('data', (chunk: Buffer) => this.onLog(chunk.toString('utf8')));
    this.child.stderr?.on('data', (chunk: Buffer) => this.onLog(chunk.toString('utf8')));
    this.child.on('message', (message: ChildMessage) => this.receive(message));
    this.child.on('exit', (code, signal) => {
      this.exited = true;
      this.pending?.({ type: 'crash', error: { errorType: 'Runtime.ExitError', errorMessage: `RequestId: Error: Runtime exited with error: ${signal ?? `exit status ${code}`}` } });
    });
  }

  get alive(): boolean {
    return !this.exited;
  }

  /** Loads the handler (Lambda's INIT phase); resolves with its duration or the init error. */
  async init(): Promise<{ ok: true; initMs: number } | { ok: false; error: FunctionErrorPayload; initMs: number }> {
    const message = await this.exchange({ type: 'init', taskRoot: this.spec.codeDir, handler: this.spec.handler }, INIT_TIMEOUT_MS);
    if (message.type === 'ready') return { ok: true, initMs: message.initMs };
    if (message.type === 'init-error') return { ok: false, error: message.error, initMs: message.initMs };
    if (message.type === 'crash') return { ok: false, error: message.error, initMs: INIT_TIMEOUT_MS };
    return { ok: false, error: { errorType: 'Runtime.InitError', errorMessage: 'Unexpected message during init' }, initMs: 0 };
  }

  async invoke(invocation: Invocation): Promise<InvokeOutcome> {
    const started = performance.now();
    const deadline = Date.now() + invocation.timeoutMs;
    const message = await this.exchange({ type: 'invoke', ...invocation, deadline }, invocation.timeoutMs);
    const durationMs = performance.now() - started;
    if (message.type === 'result') {
      const maxMemoryMb = Math.ceil(message.rss / 1_048_576);
      return message.ok ? { ok: true, payload: message.payload, durationMs, maxMemoryMb } : { ok: false, error: message.error, durationMs, maxMemoryMb, fatal: false };
    }
    const error = message.type === 'crash' ? message.error : { errorType: 'Runtime.Unknown', errorMessage: 'Unexpected message' };
    return { ok: false, error, durationMs, maxMemoryMb: 0, fatal: true };
  }

  /** Ends the environment (timeouts, reaping idle environments, shutdown). */
  kill(): void {
    if (!this.exited) this.child.kill('SIGKILL');
  }

  private receive(message: ChildMessage): void {
    if (message.type === 'log') return this.onLog(message.text);
    this.pending?.(message);
  }

  /** Sends one request and waits for its answer, a crash, or the timeout (which kills the process). */
  private exchange(request: Record<string, unknown>, timeoutMs: number): Promise<ChildMessage> {
    if (this.exited) return Promise.resolve({ type: 'crash', error: { errorType: 'Runtime.ExitError', errorMessage: 'The environment has exited' } });
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.pending = undefined;
        this.kill();
        resolve({ type: 'crash', error: TIMED_OUT(timeoutMs) });
      }, timeoutMs);
      this.pending = (message) => {
        clearTimeout(timer);
        this.pending = undefined;
        resolve(message);
      };
      this.child.send(request);
    });
  }
}

const TIMED_OUT = (timeoutMs: number): FunctionErrorPayload => ({
  errorType: 'Sandbox.Timedout',
  errorMessage: `Task timed out after ${(timeoutMs / 1000).toFixed(2)} seconds`,
});

/** Whether an outcome is Lambda's timeout. */
export const isTimeout = (outcome: InvokeOutcome): boolean => !outcome.ok && outcome.error.errorType === 'Sandbox.Timedout';
