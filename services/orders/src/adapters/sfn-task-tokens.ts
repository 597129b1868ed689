import {
  InvalidToken,
  SendTaskFailureCommand,
  SendTaskSuccessCommand,
  TaskDoesNotExist,
  TaskTimedOut,
  type SFNClient,
} from '@aws-sdk/client-sfn';
import { logger } from '@shop/lambda-kit';

/** What became of an answer: the waiting task took it, or the workflow had already moved on. */
export type TaskAnswer = 'DELIVERED' | 'TASK_CLOSED';

/** Step Functions' limit on `cause`. */
const MAX_CAUSE_LENGTH = 32_768;

/**
 * Resumes or fails a workflow task that waits on a task token (`.waitForTaskToken`). An answer for a
 * task that is no longer waiting (it timed out, was answered already, or its execution ended) is done:
 * nothing can change it, so it is logged and reported as `TASK_CLOSED` instead of failing the message.
 */
export class SfnTaskTokens {
  constructor(private readonly client: SFNClient) {}

  /** Resumes the waiting task with `output` (JSON-encoded) as its result. */
  async succeed(taskToken: string, output: unknown): Promise<TaskAnswer> {
    const command = new SendTaskSuccessCommand({ taskToken, output: JSON.stringify(output) });
    return this.answer(() => this.client.send(command), 'success');
  }

  /** Fails the waiting task with `error` (what the workflow's Catch matches) and `cause` (for people). */
  async fail(taskToken: string, error: string, cause: string): Promise<TaskAnswer> {
    const command = new SendTaskFailureCommand({ taskToken, error, cause: cause.slice(0, MAX_CAUSE_LENGTH) });
    return this.answer(() => this.client.send(command), 'failure');
  }

  private async answer(send: () => Promise<unknown>, kind: 'success' | 'failure'): Promise<TaskAnswer> {
    try {
      await send();
      return 'DELIVERED';
    } catch (error) {
      if (error instanceof TaskTimedOut || error instanceof InvalidToken || error instanceof TaskDoesNotExist) {
        // The token is never logged: it is a credential to complete someone's checkout step.
        logger.warn('The task was no longer waiting; the answer changes nothing', { answer: kind, reason: error.name });
        return 'TASK_CLOSED';
      }
      throw error;
    }
  }
}
