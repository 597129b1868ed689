import type { LocalRoute } from '../core/contracts';
import type { LambdaService } from './lambda-service';

/**
 * `GET /_local/lambda-activity`: every invocation as a server-sent event when it ends (`event: invocation`,
 * `data:` an `InvocationActivity`), so the web console can put consumers on a correlation id's timeline.
 * Read-only and live: invocations before the client connected are not replayed.
 *
 * @example
 * const events = new EventSource(`${url}/_local/lambda-activity`);
 * events.addEventListener('invocation', (e) => JSON.parse(e.data).coldStart);
 */
export function makeActivityRoute(service: LambdaService): LocalRoute {
  return (req, res) => {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
    res.write(': connected\n\n');
    const unsubscribe = service.subscribe((activity) => res.write(`event: ${activity.type}\ndata: ${JSON.stringify(activity)}\n\n`));
    req.on('close', unsubscribe);
  };
}
