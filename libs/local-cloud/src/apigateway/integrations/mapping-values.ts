import { joinedQuery } from '../http/api-request';
import type { ApiResponse } from '../http/api-response';
import { clfTime, type IntegrationContext } from '../http/integration-context';

/** A mapping source: `$request.body.Detail`, `${request.header.idempotency-key}`, `$context.requestId`... */
const TOKEN = /\$\{(request|response|context|stageVariables)((?:\.[^}]+)?)\}|\$(request|response|context|stageVariables)((?:\.[\w\-:[\]]+)*)/g;

/**
 * Evaluates a parameter mapping value: a static string, one source (`$request.header.x`: undefined when
 * absent) or a string with sources inside (`order-${request.path.id}`: absent sources read as '').
 * JSON values from a body path come out as JSON text.
 *
 * @example
 * mapValue('$request.header.idempotency-key', ctx); // 'k-1'
 * mapValue('$request.body.order', ctx); // '{"id":"o-1"}'
 */
export function mapValue(expression: string, ctx: IntegrationContext, response?: ApiResponse): string | undefined {
  const valueOf = (braced?: string, bracedPath?: string, bare?: string, barePath?: string) =>
    sourceValue(braced ?? bare ?? '', (bracedPath ?? barePath ?? '').slice(1), ctx, response);
  const tokens = [...expression.matchAll(TOKEN)];
  const only = tokens[0];
  if (tokens.length === 1 && only?.[0] === expression) return valueOf(only[1], only[2], only[3], only[4]);
  return expression.replace(TOKEN, (_whole, braced?: string, bracedPath?: string, bare?: string, barePath?: string) => valueOf(braced, bracedPath, bare, barePath) ?? '');
}

function sourceValue(root: string, path: string, ctx: IntegrationContext, response?: ApiResponse): string | undefined {
  if (root === 'stageVariables') return ctx.stage.variables[path];
  if (root === 'context') return contextVariable(path, ctx);
  const [kind = '', ...rest] = path.split('.');
  const name = rest.join('.');
  if (root === 'response') return response ? responseValue(kind, name, response) : undefined;
  const { request, match } = ctx;
  if (kind === 'header') return name.toLowerCase() === 'cookie' ? request.cookies.join('; ') || undefined : request.headers[name.toLowerCase()];
  if (kind === 'querystring') return joinedQuery(request)[name];
  if (kind === 'path') return name ? match.pathParameters[name] : request.path;
  if (kind === 'body') return name ? jsonPath(request.body.toString('utf8'), name) : request.body.toString('utf8');
  return undefined;
}

function responseValue(kind: string, name: string, response: ApiResponse): string | undefined {
  if (kind === 'header') {
    const value = response.headers[name.toLowerCase()];
    return Array.isArray(value) ? value.join(',') : value;
  }
  return kind === 'body' ? jsonPath(response.body.toString('utf8'), name) : undefined;
}

function contextVariable(name: string, ctx: IntegrationContext): string | undefined {
  const { request } = ctx;
  const claim = /^authorizer\.claims\.(.+)$/.exec(name)?.[1];
  if (claim) return ctx.authorization?.claims[claim];
  const variables: Record<string, string> = {
    accountId: ctx.accountId,
    apiId: request.apiId,
    domainName: request.domainName,
    domainPrefix: request.apiId,
    extendedRequestId: request.requestId,
    httpMethod: request.method,
    'identity.sourceIp': request.sourceIp,
    'identity.userAgent': request.userAgent,
    path: request.rawPath,
    protocol: request.protocol,
    requestId: request.requestId,
    requestTime: clfTime(request.time),
    requestTimeEpoch: String(request.time.getTime()),
    routeKey: ctx.match.route.key.text,
    stage: request.stage,
  };
  return variables[name];
}

/** A JSON path below the root: `order.lines[0].sku`. No recursive descent or filters, as documented. */
function jsonPath(text: string, path: string): string | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  for (const step of path.split(/\.|\[(\d+)\]/).filter((s) => s !== undefined && s !== '')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[step];
  }
  if (value === undefined) return undefined;
  return typeof value === 'string' ? value : JSON.stringify(value);
}
