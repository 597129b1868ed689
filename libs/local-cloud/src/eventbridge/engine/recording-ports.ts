import type { EventSender, ExecutionStarter, Json, LambdaInvoker, QueueSender, SendMessageOptions } from '../../core/contracts';
import type { HttpRequest, HttpRequester } from './types';

/**
 * In-memory implementations of the ports EventBridge delivers through, recording every call; each can
 * be told to fail its next calls. Used by the tests of this folder and handy for consumers' own tests.
 */
export class RecordingLambda implements LambdaInvoker {
  readonly asyncInvocations: Array<{ functionArn: string; payload: Json }> = [];
  private failures: Error[] = [];

  failNext(...errors: Error[]): void {
    this.failures.push(...errors);
  }

  async invoke(functionArn: string, payload: Json): Promise<Json> {
    await this.invokeAsync(functionArn, payload);
    return null;
  }

  async invokeAsync(functionArn: string, payload: Json): Promise<void> {
    const failure = this.failures.shift();
    if (failure) throw failure;
    this.asyncInvocations.push({ functionArn, payload });
  }
}

export class RecordingQueues implements QueueSender {
  readonly messages: Array<{ queueArn: string; body: string; messageGroupId?: string; messageAttributes?: Readonly<Record<string, string>> }> = [];

  async sendMessage(queueArn: string, body: string, options?: SendMessageOptions): Promise<void> {
    this.messages.push({
      queueArn,
      body,
      ...(options?.messageGroupId ? { messageGroupId: options.messageGroupId } : {}),
      ...(options?.messageAttributes ? { messageAttributes: options.messageAttributes } : {}),
    });
  }

  bodiesOf(queueArn: string): unknown[] {
    return this.messages.filter((message) => message.queueArn === queueArn).map((message) => JSON.parse(message.body));
  }
}

export class RecordingExecutions implements ExecutionStarter {
  readonly executions: Array<{ stateMachineArn: string; input: string }> = [];

  async startExecution(stateMachineArn: string, input: string): Promise<{ executionArn: string }> {
    this.executions.push({ stateMachineArn, input });
    return { executionArn: `${stateMachineArn.replace(':stateMachine:', ':execution:')}:${this.executions.length}` };
  }
}

export class RecordingEventSender implements EventSender {
  readonly puts: Array<{ eventBusArn: string; entries: ReadonlyArray<Record<string, Json>> }> = [];

  async putEvents(eventBusArn: string, entries: ReadonlyArray<Record<string, Json>>): Promise<void> {
    this.puts.push({ eventBusArn, entries });
  }
}

/** Answers every request with the next queued status (200 once the queue is empty). */
export class RecordingHttp {
  readonly requests: HttpRequest[] = [];
  private statuses: number[] = [];

  answerNext(...statuses: number[]): void {
    this.statuses.push(...statuses);
  }

  readonly send: HttpRequester = async (request) => {
    this.requests.push(request);
    return { status: this.statuses.shift() ?? 200 };
  };
}
