import velocity from 'velocityjs';

// @internal Renders API Gateway mapping templates with Velocity (velocityjs) and the parts of API Gateway's
// `$input`, `$util` and `$context` the checkout templates use, with API Gateway's semantics: Java's String
// methods (`replaceAll` takes a regular expression), `escapeJavaScript` as Java's StringEscapeUtils, and
// absent references rendering as nothing.

/** @internal A request (or, for response templates, the integration's answer) and its context. */
export interface VtlRequest {
  /** The body `$input` reads: the request's, or the integration response's. */
  readonly body?: string;
  /** Method request parameters: headers (and path and query string) by name. */
  readonly params?: Readonly<Record<string, string>>;
  readonly context?: Record<string, unknown>;
}

/** @internal What a template produced, and the context it changed (`responseOverride`). */
export interface VtlResult {
  readonly output: string;
  readonly context: { responseOverride: { status?: number; header: Record<string, string> } } & Record<string, unknown>;
}

const ESCAPES: Readonly<Record<string, string>> = {
  '"': '\\"',
  "'": "\\'",
  '\\': '\\\\',
  '/': '\\/',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};

/** @internal Java's StringEscapeUtils.escapeJavaScript: quotes (single ones too), slashes, control and non-ASCII. */
export function escapeJavaScript(value: unknown): string {
  return [...String(value)]
    .map((char) => {
      const code = char.charCodeAt(0);
      if (ESCAPES[char]) return ESCAPES[char];
      if (code < 0x20 || code > 0x7f) {
        return [...Array(char.length).keys()]
          .map((i) => `\\u${char.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0')}`)
          .join('');
      }
      return char;
    })
    .join('');
}

function readJsonPath(document: unknown, path: string): unknown {
  if (path === '$') return document;
  return path
    .replace(/^\$\./, '')
    .split('.')
    .reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], document);
}

const javaString = (name: string, call: (target: string, params: unknown[]) => unknown) => ({
  uid: `java:${name}`,
  match: ({ property, context }: { property: string; context: unknown }) =>
    property === name && typeof context === 'string',
  resolve: ({ context, params }: { context: unknown; params: unknown[] }) => call(context as string, params),
});

const JAVA_STRING_METHODS = [
  javaString('replaceAll', (s, [regex, by]) => s.replace(new RegExp(String(regex), 'g'), String(by))),
  javaString('matches', (s, [regex]) => new RegExp(`^(?:${String(regex)})$`).test(s)),
  javaString('isEmpty', (s) => s.length === 0),
];

/** @internal Renders `template` for `request`, as API Gateway would. */
export function renderVtl(template: string, request: VtlRequest = {}): VtlResult {
  const body = request.body ?? '{}';
  const document = JSON.parse(body === '' ? '{}' : body) as unknown;
  const params = Object.fromEntries(Object.entries(request.params ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  const context = { ...request.context, responseOverride: { header: {} } } as VtlResult['context'];
  const input = {
    body,
    json: (path: string) => JSON.stringify(readJsonPath(document, path)),
    path: (path: string) => readJsonPath(document, path),
    params: (name: string) => params[name.toLowerCase()] ?? '',
  };
  const util = { escapeJavaScript, parseJson: (text: string) => JSON.parse(text) as unknown };
  const compiled = new velocity.Compile(velocity.parse(template), {
    escape: false,
    customMethodHandlers: JAVA_STRING_METHODS,
  });
  const output = compiled.render({ input, util, context }, undefined, true);
  return { output, context };
}
