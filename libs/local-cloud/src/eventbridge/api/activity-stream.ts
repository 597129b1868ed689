import type { LocalRoute } from '../../core/contracts';
import { serverSentEvents } from '../../core/server-sent-events';
import type { EventBridgeEngine } from '../engine/engine';

/**
 * Streams the engine's activity as server-sent events: an `event` message per event put (with the
 * rules it matched), a `delivery` message per delivery outcome. A web console reads it with EventSource.
 * @example gateway.route('eventbridge', activityStream(engine)) // GET /_local/eventbridge
 */
export function activityStream(engine: EventBridgeEngine): LocalRoute {
  return serverSentEvents((listener) => engine.subscribe(listener));
}
