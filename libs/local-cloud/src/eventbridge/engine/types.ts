import type { EventSender, ExecutionStarter, Json, LambdaInvoker, QueueSender } from '../../core/contracts';
import type { CompiledPattern } from '../pattern';

/** An event as EventBridge delivers it to targets (the envelope of the AWS events reference). */
export interface EventEnvelope {
  readonly version: '0';
  readonly id: string;
  readonly 'detail-type': string;
  readonly source: string;
  readonly account: string;
  readonly time: string;
  readonly region: string;
  readonly resources: readonly string[];
  readonly detail: Json;
  /** Present on events re-delivered by StartReplay. */
  readonly 'replay-name'?: string;
}

/** A rule target, in the shape shared by the PutTargets API and AWS::Events::Rule's Targets. */
export interface Target {
  readonly Id: string;
  readonly Arn: string;
  readonly RoleArn?: string;
  readonly Input?: string;
  readonly InputPath?: string;
  readonly InputTransformer?: { readonly InputPathsMap?: Readonly<Record<string, string>>; readonly InputTemplate: string };
  readonly RetryPolicy?: { readonly MaximumRetryAttempts?: number; readonly MaximumEventAgeInSeconds?: number };
  readonly DeadLetterConfig?: { readonly Arn?: string };
  readonly SqsParameters?: { readonly MessageGroupId?: string };
  readonly HttpParameters?: {
    readonly PathParameterValues?: readonly string[];
    readonly HeaderParameters?: Readonly<Record<string, string>>;
    readonly QueryStringParameters?: Readonly<Record<string, string>>;
  };
}

export type RuleState = 'ENABLED' | 'DISABLED' | 'ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS';

export interface Rule {
  readonly name: string;
  readonly arn: string;
  readonly eventBusName: string;
  readonly eventPattern?: string;
  readonly compiledPattern?: CompiledPattern;
  /** Stored and listed; rules are not triggered on a schedule (see the README). */
  readonly scheduleExpression?: string;
  readonly state: RuleState;
  readonly description?: string;
  readonly roleArn?: string;
  readonly managedBy?: string;
  readonly targets: Map<string, Target>;
}

export interface EventBus {
  readonly name: string;
  readonly arn: string;
  readonly description?: string;
  readonly createdAt: Date;
  readonly rules: Map<string, Rule>;
}

export interface ApiDestination {
  readonly name: string;
  readonly arn: string;
  readonly invocationEndpoint: string;
  readonly httpMethod: string;
  readonly connectionArn?: string;
}

/** The authorization an AWS::Events::Connection adds to API destination calls. */
export interface Connection {
  readonly name: string;
  readonly arn: string;
  readonly headers: Readonly<Record<string, string>>;
}

export interface HttpRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** Sends API destination requests; injected so tests and the local cloud decide what leaves the machine. */
export type HttpRequester = (request: HttpRequest) => Promise<{ readonly status: number }>;

/**
 * How EventBridge reaches other services: only through their own entry points (contracts.ts).
 * Read at each delivery, so the object may be filled in after the engine is built.
 */
export interface EventBridgePorts {
  lambda?: LambdaInvoker;
  sqs?: QueueSender;
  stepFunctions?: ExecutionStarter;
  /** Bus-to-bus targets; when absent, targets on this engine's own buses are put directly. */
  events?: EventSender;
  http?: HttpRequester;
}

/** What the live listener hears: every event with the rules it matched, then every delivery outcome. */
export type EventBridgeActivity =
  | {
      readonly type: 'event';
      readonly eventBusName: string;
      readonly event: EventEnvelope;
      readonly matchedRules: readonly string[];
      readonly archives: readonly string[];
    }
  | {
      readonly type: 'delivery';
      readonly eventId: string;
      readonly ruleName: string;
      readonly targetId: string;
      readonly targetArn: string;
      readonly status: 'delivered' | 'retrying' | 'dead-lettered' | 'dropped';
      readonly attempt: number;
      readonly payload?: string;
      readonly error?: string;
    };

export type ActivityListener = (activity: EventBridgeActivity) => void;
