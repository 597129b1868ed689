import { DeliveryError, sendToTarget, type Destinations } from './send-to-target';
import type { EventBridgeActivity, EventEnvelope, Rule, Target } from './types';

/** When to try a failed delivery again; injected so tests need not wait. */
export interface RetryTiming {
  /** The pause before retry number `attempt` (1-based). */
  delayMs(attempt: number): number;
  /** Resolves after `ms`, or early once `signal` aborts (the engine is stopping). */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
}

/** EventBridge's documented defaults: retry for 24 hours, up to 185 times. */
const DEFAULT_MAX_ATTEMPTS = 185;
const DEFAULT_MAX_AGE_SECONDS = 86_400;

/** Exponential back-off with full jitter, as AWS describes it, from 1 s up to 1 min between tries. */
export const exponentialBackoff: RetryTiming = {
  delayMs: (attempt) => Math.random() * Math.min(60_000, 1000 * 2 ** (attempt - 1)),
  sleep: (ms, signal) =>
    new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      signal.addEventListener('abort', () => {
        clearTimeout(timer);
        resolve();
      }, { once: true });
    }),
};

export interface DeliveryJob {
  readonly rule: Rule;
  readonly target: Target;
  readonly event: EventEnvelope;
  readonly payload: string;
  readonly receivedAt: Date;
}

export interface DeliveryEnvironment {
  readonly destinations: Destinations;
  readonly timing: RetryTiming;
  readonly now: () => Date;
  readonly report: (activity: EventBridgeActivity) => void;
  /** Aborted when the engine stops: pending retries give up. */
  readonly signal: AbortSignal;
}

/**
 * Delivers one event to one target, retrying under the target's RetryPolicy; when retries run out, or
 * the error cannot be fixed by retrying, the event goes to the target's dead-letter queue if it has one.
 */
export async function deliver(job: DeliveryJob, env: DeliveryEnvironment): Promise<void> {
  const maxAttempts = job.target.RetryPolicy?.MaximumRetryAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const maxAgeMs = (job.target.RetryPolicy?.MaximumEventAgeInSeconds ?? DEFAULT_MAX_AGE_SECONDS) * 1000;
  for (let retries = 0; ; retries++) {
    try {
      await sendToTarget(job.target, job.payload, job.event, env.destinations);
      env.report(outcome(job, 'delivered', retries));
      return;
    } catch (error) {
      const failure = error instanceof DeliveryError ? error : new DeliveryError(String(error), 'Error', true);
      const delay = env.timing.delayMs(retries + 1);
      const age = env.now().getTime() - job.receivedAt.getTime() + delay;
      const exhausted = !failure.retryable ? 'NonRetryableError' : retries >= maxAttempts ? 'MaximumRetryAttempts' : age > maxAgeMs ? 'MaximumEventAgeInSeconds' : undefined;
      if (exhausted) {
        await deadLetter(job, env, failure, { retries, exhausted });
        return;
      }
      env.report({ ...outcome(job, 'retrying', retries), error: `${failure.errorCode}: ${failure.message}` });
      await env.timing.sleep(delay, env.signal);
      if (env.signal.aborted) {
        env.report({ ...outcome(job, 'dropped', retries), error: 'EventBridge stopped before the retry' });
        return;
      }
    }
  }
}

type Exhausted = 'NonRetryableError' | 'MaximumRetryAttempts' | 'MaximumEventAgeInSeconds';

async function deadLetter(job: DeliveryJob, env: DeliveryEnvironment, failure: DeliveryError, { retries, exhausted }: { retries: number; exhausted: Exhausted }): Promise<void> {
  const error = `${failure.errorCode}: ${failure.message}`;
  const dlq = job.target.DeadLetterConfig?.Arn;
  const sqs = env.destinations.ports.sqs;
  if (!dlq || !sqs) {
    env.report({ ...outcome(job, 'dropped', retries), error });
    return;
  }
  try {
    await sqs.sendMessage(dlq, JSON.stringify(job.event), { messageAttributes: deadLetterAttributes(job, failure, retries, exhausted) });
    env.report({ ...outcome(job, 'dead-lettered', retries), error });
  } catch (dlqError) {
    env.report({ ...outcome(job, 'dropped', retries), error: `${error}; dead-letter queue failed: ${String(dlqError)}` });
  }
}

/**
 * The message attributes EventBridge documents on dead-lettered events; EXHAUSTED_RETRY_CONDITION only when
 * retries ran out (an error that retrying cannot fix is dead-lettered at once).
 */
function deadLetterAttributes(job: DeliveryJob, failure: DeliveryError, retries: number, exhausted: Exhausted): Record<string, string> {
  return {
    ERROR_CODE: failure.errorCode,
    ERROR_MESSAGE: failure.message,
    ...(exhausted !== 'NonRetryableError' && { EXHAUSTED_RETRY_CONDITION: exhausted }),
    RETRY_ATTEMPTS: String(retries),
    RULE_ARN: job.rule.arn,
    TARGET_ARN: job.target.Arn,
  };
}

type DeliveryActivity = Extract<EventBridgeActivity, { type: 'delivery' }>;

function outcome(job: DeliveryJob, status: DeliveryActivity['status'], retries: number): DeliveryActivity {
  return {
    type: 'delivery',
    eventId: job.event.id,
    ruleName: job.rule.name,
    targetId: job.target.Id,
    targetArn: job.target.Arn,
    status,
    attempt: retries + 1,
    payload: job.payload,
  };
}
