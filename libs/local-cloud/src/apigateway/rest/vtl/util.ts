/**
 * `$util` of API Gateway mapping templates.
 *
 * @example
 * renderTemplate('$util.escapeJavaScript($input.json("$"))', variables);
 */
export const vtlUtil = {
  escapeJavaScript,
  parseJson: (text: string): unknown => JSON.parse(String(text)),
  urlEncode: (text: string): string =>
    encodeURIComponent(String(text))
      .replace(/%20/g, '+')
      .replace(/[!'()~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`),
  urlDecode: (text: string): string => decodeURIComponent(String(text).replace(/\+/g, ' ')),
  base64Encode: (text: string): string => Buffer.from(String(text), 'utf8').toString('base64'),
  base64Decode: (text: string): string => Buffer.from(String(text), 'base64').toString('utf8'),
};

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

/**
 * JavaScript string escaping as API Gateway's `$util.escapeJavaScript` does it (Java's `StringEscapeUtils`): quotes
 * (single ones too, which JSON does not accept), backslashes, slashes and control characters; characters outside
 * ASCII as `\uXXXX`.
 *
 * @example
 * escapeJavaScript('say "hi"\n'); // 'say \\"hi\\"\\n'
 */
export function escapeJavaScript(value: unknown): string {
  let out = '';
  for (const char of String(value)) {
    const code = char.codePointAt(0) ?? 0;
    if (ESCAPES[char]) out += ESCAPES[char];
    else if (code < 0x20 || code > 0x7f) out += unicodeEscapes(char);
    else out += char;
  }
  return out;
}

function unicodeEscapes(char: string): string {
  return [...Array(char.length).keys()]
    .map((i) => `\\u${char.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0')}`)
    .join('');
}
