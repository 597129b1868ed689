import type { ShopTarget } from './target';

/** An HTTP answer of the shop's API, with its JSON body parsed (or the raw text when it is not JSON). */
export interface ApiResponse<T = unknown> {
  readonly status: number;
  readonly headers: Headers;
  readonly body: T;
}

export interface ApiRequest {
  readonly method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** A Cognito token, sent as `Authorization: Bearer <token>`. */
  readonly token?: string;
  /** Sent as JSON; a string is sent as it is (to send malformed JSON). */
  readonly body?: unknown;
}

/**
 * Calls the shop's HTTP API at `path` (`/products?limit=5`).
 *
 * @example
 * const { status, body } = await callApi<Product>(target, `/products/${id}`);
 */
export async function callApi<T = unknown>(
  target: ShopTarget,
  path: string,
  request: ApiRequest = {},
): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = {};
  if (request.token) headers.authorization = `Bearer ${request.token}`;
  if (request.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${target.apiUrl}${path}`, {
    method: request.method ?? 'GET',
    headers,
    ...(request.body !== undefined && {
      body: typeof request.body === 'string' ? request.body : JSON.stringify(request.body),
    }),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: parseJson(text) as T };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * A function's recent log lines on the local cloud (any unique part of its name), to put in a failure message;
 * an empty list against a deployed stage (read CloudWatch Logs there).
 *
 * @example
 * const lines = await functionLogs(target, 'OrderPlacedFunction');
 */
export async function functionLogs(target: ShopTarget, namePart: string): Promise<string[]> {
  if (!target.localCloudUrl) return [];
  const response = await fetch(`${target.localCloudUrl}/_local/lambda-logs?function=${encodeURIComponent(namePart)}`);
  if (!response.ok) return [`(${response.status} ${await response.text()})`];
  const { lines } = (await response.json()) as { lines: Array<{ message: string }> };
  return lines.map((line) => line.message);
}
