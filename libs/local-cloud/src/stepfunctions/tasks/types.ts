import type { Json, LambdaInvoker } from '../../core/contracts';
import type { TaskTokens } from '../engine/task-tokens';
import type { ConnectionResolver } from './http';
import type { TaskResource } from './resource';

/** What a Task reports to the execution history while it runs (nothing, under TestState). */
export interface TaskEvents {
  scheduled(details: { parameters: Json; timeoutInSeconds?: number; heartbeatInSeconds?: number }): void;
  started(): void;
  submitted(output: Json): void;
  succeeded(output: Json): void;
  failed(error: string, cause: string): void;
  timedOut(error: string, cause: string): void;
}

/** One HTTP exchange of an `http:invoke` task, for TestState's TRACE level. */
export interface HttpExchange {
  readonly request: { method: string; url: string; headers: string; body: string };
  readonly response: { protocol: string; statusCode: string; statusMessage: string; headers: string; body: string };
}

/** One run of a Task's resource with its effective input. */
export interface TaskCall {
  readonly resource: TaskResource;
  readonly parameters: Json;
  /** The token `$$.Task.Token` gave this task (callback pattern). */
  readonly token?: string;
  readonly timeoutSeconds?: number;
  readonly heartbeatSeconds?: number;
  readonly signal: AbortSignal;
  readonly onHttp?: (exchange: HttpExchange) => void;
}

/** A nested execution as `states:startExecution` sees it (DescribeExecution's fields). */
export interface NestedExecution {
  readonly executionArn: string;
  readonly startDate: Date;
  /** Settles when the execution ends, with DescribeExecution's shape (dates as Date). */
  readonly done: Promise<{ [key: string]: Json | Date | undefined }>;
}

/** What integrations reach: other services only through their ports or their public API. */
export interface IntegrationDeps {
  readonly lambda: LambdaInvoker;
  /** The gateway URL the AWS SDK clients of SDK integrations are pointed at. */
  readonly endpointUrl: string;
  readonly region: string;
  readonly resolveConnection?: ConnectionResolver;
  readonly startExecution: (stateMachineArn: string, input: string, name?: string) => Promise<NestedExecution>;
  readonly tokens: TaskTokens;
  /** Multiplies every duration (1 = real time); tests shorten timeouts with it. */
  readonly timeScale: number;
}
