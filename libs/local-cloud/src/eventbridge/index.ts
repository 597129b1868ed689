export { eventBridgePlugin, type EventBridgePluginOptions } from './plugin';
export { createEventBridge, type EventBridgeService } from './create-event-bridge';
export { createEventsEndpoint, SUPPORTED_OPERATIONS } from './api/endpoint';
export { activityStream } from './api/activity-stream';
export { EventBridgeEngine, type EngineOptions, type PutEventsResult } from './engine/engine';
export { EVENTBRIDGE_RESOURCE_TYPES, loadTemplateResources } from './engine/load-resources';
export { testEventPattern } from './engine/test-event-pattern';
export { exponentialBackoff, type RetryTiming } from './engine/deliver';
export type { PutEventsEntry } from './engine/entries';
export type {
  ActivityListener,
  EventBridgeActivity,
  EventBridgePorts,
  EventEnvelope,
  HttpRequest,
  HttpRequester,
  Target,
} from './engine/types';
export * from './errors';
export { compilePattern, matchesPattern, type CompiledPattern } from './pattern';
