import type { EventSender, ServiceEndpoint } from '../core/contracts';
import { createEventsEndpoint } from './api/endpoint';
import { EventBridgeEngine, type EngineOptions } from './engine/engine';

export interface EventBridgeService {
  /** Serves the EventBridge API; register it with the gateway under signing name `events`. */
  readonly endpoint: ServiceEndpoint;
  /** Buses, rules, archives, routing and the live activity listener (`engine.subscribe`). */
  readonly engine: EventBridgeEngine;
  /** The port other services put events through (Step Functions tasks, Lambda destinations, pipes). */
  readonly eventSender: EventSender;
}

/**
 * Builds the local EventBridge of one account and region. The `ports` object is read at each delivery,
 * so services built later can be attached to it afterwards.
 * @example
 * const ports: EventBridgePorts = {};
 * const events = createEventBridge({ region: 'eu-west-1', accountId: '000000000000', ports });
 * ports.lambda = lambda.invoker; ports.sqs = sqs.sender;
 */
export function createEventBridge(options: EngineOptions): EventBridgeService {
  const engine = new EventBridgeEngine(options);
  return { endpoint: createEventsEndpoint(engine), engine, eventSender: engine.eventSender() };
}
