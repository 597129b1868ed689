import type { ServicePlugin } from '../core/contracts';
import { activityStream } from './api/activity-stream';
import { createEventBridge, type EventBridgeService } from './create-event-bridge';
import type { RetryTiming } from './engine/deliver';
import { EVENTBRIDGE_RESOURCE_TYPES, loadTemplateResources } from './engine/load-resources';
import type { HttpRequester } from './engine/types';

export interface EventBridgePluginOptions {
  /** Retry pauses of failed deliveries; default exponential back-off with jitter from 1 s. */
  readonly retry?: RetryTiming;
  /** How API destinations are called; default `fetch`. */
  readonly http?: HttpRequester;
  /** Hands the started service to the caller (tests and consoles subscribe to `engine`). */
  readonly onStart?: (service: EventBridgeService) => void;
}

/** API destinations called for real, as EventBridge would call them. */
const fetchRequester: HttpRequester = async ({ url, method, headers, body }) => {
  const response = await fetch(url, { method, headers, ...(method === 'GET' || method === 'HEAD' ? {} : { body }) });
  await response.arrayBuffer();
  return { status: response.status };
};

/**
 * The EventBridge plug-in: loads the templates' buses, rules, archives, connections and API
 * destinations, serves the `events` API, provides the `events` port and streams its activity at
 * `/_local/eventbridge` (server-sent events).
 * @example const plugins = [lambdaPlugin(), eventBridgePlugin({ retry: { delayMs: () => 100, sleep } })];
 */
export function eventBridgePlugin(options: EventBridgePluginOptions = {}): ServicePlugin {
  return {
    name: 'eventbridge',
    resourceTypes: EVENTBRIDGE_RESOURCE_TYPES,
    start: async (ctx) => {
      const { lambda, sqs, stepFunctions } = ctx.ports;
      const service = createEventBridge({
        region: ctx.region,
        accountId: ctx.accountId,
        // No `events` port: bus targets on this account's buses are put directly.
        ports: { lambda, sqs, stepFunctions, http: options.http ?? fetchRequester },
        ...(options.retry && { retry: options.retry }),
      });
      loadTemplateResources(service.engine, ctx.resources);
      const logger = ctx.logger;
      service.engine.subscribe((activity) => {
        if (activity.type === 'delivery' && activity.status !== 'delivered') logger.warn('event delivery failed', { ...activity, payload: undefined });
      });
      options.onStart?.(service);
      return {
        endpoints: [service.endpoint],
        provides: { events: service.eventSender },
        localRoutes: { eventbridge: activityStream(service.engine) },
        stop: () => service.engine.stop(),
      };
    },
  };
}
