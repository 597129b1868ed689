import { z } from 'zod';
import { CheckoutRequestWithToken } from '../src';

// The mapping templates (VTL) of `POST /checkout`. API Gateway's AWS integration calls StartSyncExecution with
// the request template's output as the body, and the response template turns its answer into ours. Both are
// built here, from the service's own tables, so a new refusal code cannot be forgotten by the API.

/** The request header that carries the correlation id (lambda-kit's CORRELATION_HEADER). */
export const CORRELATION_HEADER = 'x-correlation-id';
/** The header a client sends so a retried request never starts a second checkout. */
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
/** The 5xx message of lambda-kit's error bodies: nothing about the cause, but the id to quote to support. */
export const SERVER_FAULT_MESSAGE = 'Something went wrong on our side. If you contact us, quote the correlation id.';
/** The code of every fault the API does not map (lambda-kit's INTERNAL_ERROR). */
export const INTERNAL_ERROR = 'INTERNAL';

/**
 * Java's escapeJavaScript also escapes `'` as `\'`, which JSON does not allow; every escape here undoes it.
 * `$q` is that two-character sequence as a regular expression.
 */
const ESCAPE_PRELUDE = `#set($q = "\\\\'")`;
const escaped = (expression: string) => `$util.escapeJavaScript(${expression}).replaceAll($q, "'")`;
/** For a string inside a JSON string: escaped for the inner JSON, then again for the outer. */
const escapedTwice = (expression: string) => escaped(escaped(expression));
const CORRELATION_ID = [
  `#set($correlationId = $input.params('${CORRELATION_HEADER}'))`,
  '#if("$correlationId" == "")#set($correlationId = $context.requestId)#end',
];

/**
 * The StartSyncExecution body: the intake's ARN and its input as JSON text, `{ body, customerId, idempotencyKey,
 * requestId, correlationId }`. The request body is a JSON value inside that text (escaped once); the strings
 * from claims and headers are JSON strings inside it (escaped twice), so no header can break out of its field.
 * The correlation id is the caller's `x-correlation-id`, or API Gateway's request id.
 */
export function startCheckoutRequestTemplate(intakeArn: string): string {
  const field = (name: string, variable: string) => `\\"${name}\\":\\"${variable}\\"`;
  const input = [
    '\\"body\\":$body',
    field('customerId', '$customerId'),
    field('idempotencyKey', '$idempotencyKey'),
    field('requestId', '$context.requestId'),
    field('correlationId', '$correlationId'),
  ].join(',');
  return [
    ESCAPE_PRELUDE,
    ...CORRELATION_ID,
    `#set($body = ${escaped("$input.json('$')")})`,
    `#set($customerId = ${escapedTwice('$context.authorizer.claims.sub')})`,
    `#set($idempotencyKey = ${escapedTwice(`$input.params('${IDEMPOTENCY_KEY_HEADER}')`)})`,
    `#set($correlationId = ${escapedTwice('$correlationId')})`,
    '{',
    `  "stateMachineArn": "${intakeArn}",`,
    `  "input": "{${input}}"`,
    '}',
  ].join('\n');
}

/** `#if(...)#elseif(...)` setting `$status` from `$code`, one branch per status; anything else is INTERNAL, 500. */
function statusChain(errorStatus: Readonly<Record<string, number>>): string[] {
  const codesByStatus = new Map<number, string[]>();
  for (const [code, status] of Object.entries(errorStatus)) {
    codesByStatus.set(status, [...(codesByStatus.get(status) ?? []), code]);
  }
  const branches = [...codesByStatus.entries()].map(([status, codes], index) => {
    const test = codes.map((code) => `$code == "${code}"`).join(' || ');
    return [`${index === 0 ? '#if' : '#elseif'}(${test})`, `#set($status = ${status})`];
  });
  return [...branches.flat(), '#else', `#set($code = "${INTERNAL_ERROR}")`, '#set($status = 500)', '#end'];
}

/** Echoes the request's Origin when it is one of the allowed ones (the response is then readable there). */
function corsLines(allowedOrigins: readonly string[]): string[] {
  if (allowedOrigins.length === 0) return [];
  const test = allowedOrigins.map((origin) => `$origin == "${origin}"`).join(' || ');
  return [
    "#set($origin = $input.params('Origin'))",
    `#if(${test})#set($context.responseOverride.header.Access-Control-Allow-Origin = $origin)#end`,
  ];
}

/**
 * The answer to StartSyncExecution's 200: SUCCEEDED → 202 `{ orderId, status: 'PENDING', links }` and
 * `Location`; otherwise the execution's error is the code (`ORDERS.EMPTY_CART`) and sets the status from
 * `errorStatus`, with the cause as the message for a 4xx and lambda-kit's generic fault body for a 5xx.
 */
export function checkoutResponseTemplate(
  errorStatus: Readonly<Record<string, number>>,
  allowedOrigins: readonly string[] = [],
): string {
  return [
    ESCAPE_PRELUDE,
    ...CORRELATION_ID,
    ...corsLines(allowedOrigins),
    `#if($input.path('$.status') == "SUCCEEDED")`,
    "#set($orderId = $util.parseJson($input.path('$.output')).orderId)",
    '#set($context.responseOverride.header.Location = "/orders/$orderId")',
    '{"orderId":"$orderId","status":"PENDING","links":{"self":"/orders/$orderId"}}',
    '#else',
    `#set($code = "$input.path('$.error')")`,
    ...statusChain(errorStatus),
    '#set($context.responseOverride.status = $status)',
    '#if($status >= 500)',
    `{"error":{"code":"$code","message":"${SERVER_FAULT_MESSAGE}","correlationId":"${escaped('$correlationId')}"}}`,
    '#else',
    `{"error":{"code":"$code","message":"${escaped("$input.path('$.cause')")}"}}`,
    '#end',
    '#end',
  ].join('\n');
}

/** The answer when Step Functions itself refused the call (throttled, or a bug here): a fault, 500. */
export function serviceFaultTemplate(allowedOrigins: readonly string[] = []): string {
  return [
    ESCAPE_PRELUDE,
    ...CORRELATION_ID,
    ...corsLines(allowedOrigins),
    `{"error":{"code":"${INTERNAL_ERROR}","message":"${SERVER_FAULT_MESSAGE}","correlationId":"${escaped('$correlationId')}"}}`,
  ].join('\n');
}

/**
 * API Gateway's own refusals, in the same `{ error: { code, message } }` shape. Gateway response templates only
 * substitute variables (no `#if`); `validationErrorString` and `messageString` come JSON-escaped.
 */
export const GATEWAY_RESPONSE_BODIES = {
  BAD_REQUEST_BODY: '{"error":{"code":"REQUEST.INVALID","message":"$context.error.validationErrorString"}}',
  BAD_REQUEST_PARAMETERS: '{"error":{"code":"REQUEST.INVALID","message":$context.error.messageString}}',
  UNAUTHORIZED: '{"error":{"code":"AUTH.UNAUTHORIZED","message":$context.error.messageString}}',
  DEFAULT_4XX: '{"error":{"code":"REQUEST.REJECTED","message":$context.error.messageString}}',
  DEFAULT_5XX: `{"error":{"code":"${INTERNAL_ERROR}","message":"${SERVER_FAULT_MESSAGE}","correlationId":"$context.requestId"}}`,
} as const;

/** JSON Schema draft 4's keywords: anything else (zod's metadata such as `pii`) is refused by API Gateway. */
const DRAFT_4_KEYWORDS = new Set([
  '$schema',
  'id',
  '$ref',
  'title',
  'description',
  'default',
  'format',
  'multipleOf',
  'maximum',
  'exclusiveMaximum',
  'minimum',
  'exclusiveMinimum',
  'maxLength',
  'minLength',
  'pattern',
  'additionalItems',
  'items',
  'maxItems',
  'minItems',
  'uniqueItems',
  'maxProperties',
  'minProperties',
  'required',
  'additionalProperties',
  'definitions',
  'properties',
  'patternProperties',
  'dependencies',
  'enum',
  'type',
  'allOf',
  'anyOf',
  'oneOf',
  'not',
]);
/** Keywords whose value maps names (of properties, definitions…) to schemas. */
const NAMED_SCHEMAS = new Set(['properties', 'definitions', 'patternProperties', 'dependencies']);

function draft4Only(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(draft4Only);
  if (schema === null || typeof schema !== 'object') return schema;
  const kept = Object.entries(schema).filter(([keyword]) => DRAFT_4_KEYWORDS.has(keyword));
  return Object.fromEntries(
    kept.map(([keyword, value]) => [
      keyword,
      NAMED_SCHEMAS.has(keyword)
        ? Object.fromEntries(Object.entries(value as object).map(([name, s]) => [name, draft4Only(s)]))
        : ['enum', 'required', 'default'].includes(keyword)
          ? value
          : draft4Only(value),
    ]),
  );
}

/** The request model of `POST /checkout`: the domain's schema as draft 4, standard keywords only. */
export function checkoutRequestSchema(): Record<string, unknown> {
  return draft4Only(z.toJSONSchema(CheckoutRequestWithToken, { target: 'draft-4' })) as Record<string, unknown>;
}
