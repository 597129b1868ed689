import type { z } from 'zod';
import { FACADE_CODES, ShopApiError } from './errors';

export type Fetch = typeof fetch;

export interface RequestOptions {
  readonly method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  readonly body?: unknown;
  readonly idToken?: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** Next.js data cache options (`tags`, `revalidate`) for reads that may be shared between visitors. */
  readonly cache?: { readonly tags: readonly string[]; readonly revalidate: number };
}

type FieldError = { path?: string; message?: string };
type ErrorBody = {
  error?: { code?: string; message?: string; fields?: FieldError[] };
  code?: string;
  message?: string;
  errors?: FieldError[];
};

/** Reads both error shapes: lambda-kit's `{ error: { code, message, fields } }` and the sandbox's flat one. */
export function errorFromResponse(status: number, body: unknown): ShopApiError {
  const parsed = (typeof body === 'object' && body !== null ? body : {}) as ErrorBody;
  const code = parsed.error?.code ?? parsed.code ?? `HTTP.${status}`;
  const message = parsed.error?.message ?? parsed.message ?? `The shop answered ${status}`;
  const fields = (parsed.error?.fields ?? parsed.errors ?? []).map((field) => field.path ?? '').filter(Boolean);
  return new ShopApiError(code, message, status, { fields });
}

/**
 * One JSON call to a backend API: the ID token as bearer, the correlation id passed on, the answer parsed
 * with `schema`, and any refusal turned into a ShopApiError with the API's code.
 */
export async function requestJson<S extends z.ZodType>(
  fetchFn: Fetch,
  url: string,
  schema: S,
  options: RequestOptions & { readonly correlationId?: string },
): Promise<z.infer<S>> {
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.idToken) headers.authorization = `Bearer ${options.idToken}`;
  if (options.correlationId) headers['x-correlation-id'] = options.correlationId;
  const init: RequestInit & { next?: { tags: string[]; revalidate: number } } = {
    method: options.method ?? 'GET',
    headers,
    ...(options.body !== undefined && { body: JSON.stringify(options.body) }),
    ...(options.cache ? { next: { tags: [...options.cache.tags], revalidate: options.cache.revalidate } } : { cache: 'no-store' as const }),
  };
  let response: Response;
  try {
    response = await fetchFn(url, init);
  } catch (error) {
    throw new ShopApiError(FACADE_CODES.unreachable, 'The shop cannot be reached right now', 503, { cause: error });
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) throw errorFromResponse(response.status, body);
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new ShopApiError(FACADE_CODES.badResponse, `Unexpected answer from ${new URL(url).pathname}`, 502, { cause: parsed.error });
  }
  return parsed.data;
}
