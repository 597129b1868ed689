import { readJsonPath } from './json-path';

/** The request's parameters as `$input.params()` lists them: by location, then by name. */
export interface InputParams {
  readonly path: Readonly<Record<string, string>>;
  readonly querystring: Readonly<Record<string, string>>;
  readonly header: Readonly<Record<string, string>>;
}

/** A body that `$input.json`/`$input.path` cannot read as JSON: API Gateway answers 400 for a request body. */
export class BodyNotJsonError extends Error {
  override readonly name = 'BodyNotJsonError';
  readonly code = 'APIGATEWAY.BODY_NOT_JSON';

  constructor(detail: string, options?: { cause?: unknown }) {
    super(`Could not parse request body into json: ${detail}`, options);
  }
}

/** `$input` of a mapping template. */
export interface VtlInput {
  readonly body: string;
  json(path: string): string | undefined;
  path(path: string): unknown;
  params(name?: string): unknown;
}

/**
 * `$input` for a body (the request's, or the integration response's) and the request's parameters.
 * `$input.json(path)` is the JSON text of what the path selects, `$input.path(path)` the value itself (objects
 * and lists usable as maps and lists); an empty body reads as `{}`. `$input.params(name)` looks in the path,
 * then the query string, then the headers (names case-insensitive).
 *
 * @example
 * makeInput('{"items":[{"sku":"TEE"}]}', params).json('$.items[0]'); // '{"sku":"TEE"}'
 */
export function makeInput(body: string, params: InputParams): VtlInput {
  let parsed: { value: unknown } | undefined;
  const document = (): unknown => {
    parsed ??= { value: parseBody(body) };
    return parsed.value;
  };
  return {
    body,
    json: (path) => {
      const value = readJsonPath(document(), String(path));
      return value === undefined ? undefined : JSON.stringify(value);
    },
    path: (path) => structuredClone(readJsonPath(document(), String(path))),
    params: (name) =>
      name === undefined
        ? { path: { ...params.path }, querystring: { ...params.querystring }, header: { ...params.header } }
        : paramNamed(params, String(name)),
  };
}

function parseBody(body: string): unknown {
  if (body.trim() === '') return {};
  try {
    return JSON.parse(body) as unknown;
  } catch (err) {
    throw new BodyNotJsonError((err as Error).message, { cause: err });
  }
}

function paramNamed(params: InputParams, name: string): string | undefined {
  const header = Object.entries(params.header).find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1];
  return params.path[name] ?? params.querystring[name] ?? header;
}
