import { randomBytes } from 'node:crypto';
import type { Json } from '../../core/contracts';
import { ERRORS, StatesError } from '../asl/errors';
import { timeoutError } from './library-timeout';

const TOKEN = /^AQB[A-Za-z0-9_-]{64}$/;

/** Why SendTask* refused a token, by the API's exception names. */
export class TaskTokenError extends Error {
  override readonly name = 'TaskTokenError';
  readonly code: 'InvalidToken' | 'TaskDoesNotExist' | 'TaskTimedOut';
  constructor(code: TaskTokenError['code'], message: string) {
    super(message);
    this.code = code;
  }
}

interface Waiter {
  readonly settle: { resolve(value: Json): void; reject(err: Error): void };
  readonly result: Promise<Json>;
  heartbeat?: () => void;
}

/**
 * Task tokens of `.waitForTaskToken` tasks. A token is open from the moment it is issued (so a callback that
 * arrives before the task starts waiting is kept), then closed for good by success, failure or timeout.
 *
 * @example
 * const token = tokens.issue();
 * const output = tokens.wait(token, { heartbeatMs: 60_000, signal });
 * tokens.succeed(token, { ok: true });
 */
export class TaskTokens {
  private readonly open = new Map<string, Waiter>();
  private readonly closed = new Set<string>();

  issue(): string {
    const token = `AQB${randomBytes(48).toString('base64url')}`;
    let settle!: Waiter['settle'];
    const result = new Promise<Json>((resolve, reject) => (settle = { resolve, reject }));
    result.catch(() => undefined);
    this.open.set(token, { settle, result });
    return token;
  }

  /** Waits for the callback; a missed heartbeat is `States.HeartbeatTimeout`, an abort closes the token. */
  wait(token: string, options: { heartbeatMs?: number; signal: AbortSignal }): Promise<Json> {
    const waiter = this.open.get(token);
    if (!waiter) return Promise.reject(new Error(`Task token was not issued here`));
    let timer: NodeJS.Timeout | undefined;
    const arm = () => {
      clearTimeout(timer);
      if (options.heartbeatMs === undefined) return;
      timer = setTimeout(() => this.close(token, new StatesError(ERRORS.heartbeatTimeout, 'The task did not send a heartbeat in time')), options.heartbeatMs);
    };
    waiter.heartbeat = arm;
    arm();
    const onAbort = () => this.close(token, options.signal.reason instanceof Error ? options.signal.reason : timeoutError('The task was aborted'));
    options.signal.addEventListener('abort', onAbort, { once: true });
    if (options.signal.aborted) onAbort();
    return waiter.result.finally(() => {
      clearTimeout(timer);
      options.signal.removeEventListener('abort', onAbort);
    });
  }

  succeed(token: string, output: Json): void {
    this.take(token).settle.resolve(output);
  }

  fail(token: string, error: string, cause: string): void {
    this.take(token).settle.reject(new StatesError(error, cause));
  }

  heartbeat(token: string): void {
    const waiter = this.find(token);
    waiter.heartbeat?.();
  }

  /** Closes a token whose task ended another way (timeout, abort): later callbacks get TaskTimedOut. */
  close(token: string, reason: Error): void {
    const waiter = this.open.get(token);
    if (!waiter) return;
    this.open.delete(token);
    this.closed.add(token);
    waiter.settle.reject(reason);
  }

  private take(token: string): Waiter {
    const waiter = this.find(token);
    this.open.delete(token);
    this.closed.add(token);
    return waiter;
  }

  private find(token: string): Waiter {
    if (!TOKEN.test(token)) throw new TaskTokenError('InvalidToken', 'Invalid Token: the task token is malformed');
    const waiter = this.open.get(token);
    if (waiter) return waiter;
    if (this.closed.has(token)) throw new TaskTokenError('TaskTimedOut', 'Task Timed Out: the task of this token has already closed');
    throw new TaskTokenError('TaskDoesNotExist', 'Task Does Not Exist: no task has this token');
  }
}
