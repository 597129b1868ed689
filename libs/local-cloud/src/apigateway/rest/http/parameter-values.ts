import type { ApiResponse } from '../../http/api-response';
import { readJsonPath } from '../vtl/json-path';
import { contextVariable, inputParams, type RequestScope } from './method-context';

/**
 * The value of a response parameter mapping (`ResponseParameters` of an integration or a gateway response):
 * `'static'`, `method.request.{header|querystring|path}.X`, `integration.response.header.X`,
 * `integration.response.body` or `integration.response.body.<JSONPath>`, `context.X`, `stageVariables.X`.
 * Undefined when the source is absent.
 *
 * @example
 * parameterValue("'*'", scope); // '*'
 * parameterValue('integration.response.body.orderId', scope, response); // 'o-1'
 */
export function parameterValue(expression: string, scope: RequestScope, response?: ApiResponse): string | undefined {
  const quoted = /^'(.*)'$/s.exec(expression);
  if (quoted) return quoted[1];
  const [root = '', kind = '', ...rest] = expression.split('.');
  const name = rest.join('.');
  if (root === 'method' && kind === 'request') return methodRequestValue(name, scope);
  if (root === 'integration' && kind === 'response' && response) return integrationResponseValue(name, response);
  if (root === 'stageVariables') return scope.stage.variables[[kind, ...rest].join('.')];
  if (root === 'context') return textOf(readJsonPath(contextVariable(scope), `$.${[kind, ...rest].join('.')}`));
  return undefined;
}

function methodRequestValue(name: string, scope: RequestScope): string | undefined {
  const [location = '', ...parts] = name.split('.');
  const param = parts.join('.');
  const params = inputParams(scope);
  if (location === 'header')
    return Object.entries(params.header).find(([key]) => key.toLowerCase() === param.toLowerCase())?.[1];
  if (location === 'querystring') return params.querystring[param];
  if (location === 'path') return params.path[param];
  return undefined;
}

function integrationResponseValue(name: string, response: ApiResponse): string | undefined {
  if (name.startsWith('header.')) {
    const value = response.headers[name.slice('header.'.length).toLowerCase()];
    return Array.isArray(value) ? value.join(',') : value;
  }
  const body = response.body.toString('utf8');
  if (name === 'body') return body;
  if (!name.startsWith('body.')) return undefined;
  try {
    return textOf(readJsonPath(JSON.parse(body), `$.${name.slice('body.'.length)}`));
  } catch {
    return undefined;
  }
}

function textOf(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  return typeof value === 'string' ? value : JSON.stringify(value);
}
