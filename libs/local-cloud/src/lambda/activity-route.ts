import type { LocalRoute } from '../core/contracts';
import { serverSentEvents } from '../core/server-sent-events';
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
  return serverSentEvents((listener) => service.subscribe(listener));
}
