import type { LocalRoute } from '../core/contracts';
import type { LambdaService } from './lambda-service';

/**
 * `GET /_local/lambda-logs?function=<name or part of it>[&requestId=<id>]`: a function's log lines (START,
 * its output, END, REPORT), for `local-cloud logs` and the console. Generated names are long, so any unique
 * part of the name (the construct id, usually) finds the function.
 *
 * @example
 * await fetch(`${url}/_local/lambda-logs?function=PlaceOrder`); // { functionName, lines: [{ time, requestId, message }] }
 */
export function makeLogRoute(service: LambdaService): LocalRoute {
  return (_req, res, url) => {
    const wanted = url.searchParams.get('function') ?? '';
    const matches = service.functions.filter((f) => f.name === wanted || f.name.includes(wanted));
    const exact = matches.find((f) => f.name === wanted);
    const found = exact ?? (matches.length === 1 ? matches[0] : undefined);
    if (!found) {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: `No single function matches "${wanted}"`, candidates: (matches.length ? matches : service.functions).map((f) => f.name) }));
      return;
    }
    const requestId = url.searchParams.get('requestId');
    const lines = requestId ? service.logs.invocation(found.name, requestId) : service.logs.lines(found.name);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ functionName: found.name, lines }));
  };
}
