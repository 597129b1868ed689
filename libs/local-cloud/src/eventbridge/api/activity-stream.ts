import type { LocalRoute } from '../../core/contracts';
import type { EventBridgeEngine } from '../engine/engine';

/**
 * Streams the engine's activity as server-sent events: an `event` message per event put (with the
 * rules it matched), a `delivery` message per delivery outcome. A web console reads it with EventSource.
 * @example gateway.route('eventbridge', activityStream(engine)) // GET /_local/eventbridge
 */
export function activityStream(engine: EventBridgeEngine): LocalRoute {
  return (req, res) => {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
    res.write(': connected\n\n');
    const unsubscribe = engine.subscribe((activity) => {
      res.write(`event: ${activity.type}\ndata: ${JSON.stringify(activity)}\n\n`);
    });
    req.on('close', unsubscribe);
  };
}
