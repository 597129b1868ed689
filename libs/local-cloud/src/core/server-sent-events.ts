import type { LocalRoute } from './contracts';

/**
 * A read-only `/_local/*` route that streams a service's activity as server-sent events: one message per
 * activity, named by its `type` (`event: delivery`, `data:` the activity as JSON). Live only: what happened
 * before the client connected is not replayed. The listener is removed when the client goes.
 *
 * @example
 * gateway.route('lambda-activity', serverSentEvents((listener) => service.subscribe(listener)));
 */
export function serverSentEvents<A extends { readonly type: string }>(
  subscribe: (listener: (activity: A) => void) => () => void,
): LocalRoute {
  return (req, res) => {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
    res.write(': connected\n\n');
    const unsubscribe = subscribe((activity) =>
      res.write(`event: ${activity.type}\ndata: ${JSON.stringify(activity)}\n\n`),
    );
    req.on('close', unsubscribe);
  };
}
