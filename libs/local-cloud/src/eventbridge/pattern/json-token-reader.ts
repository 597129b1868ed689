import { JsonReadError, type JsonToken } from './json-token';

export { JsonReadError, type JsonToken };

const LITERALS: Record<string, JsonToken> = { true: 'TRUE', false: 'FALSE', null: 'NULL' };
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/**
 * A streaming JSON tokenizer that keeps the read position the way Jackson (the parser behind EventBridge's
 * pattern compiler) keeps it, so our InvalidEventPatternException messages point at the same
 * `line: 1, column: N` as AWS's. Jackson reads one token ahead after a field name, and leaves a string
 * value unread (position just after its opening quote) until its text is asked for.
 * @internal
 */
export class JsonTokenReader {
  private pos = 0;
  private readonly containers: Array<'object' | 'array'> = [];
  private afterValue = false;
  private lookahead: JsonToken | undefined;
  private stringPending = false;
  private current = '';
  private currentToken: JsonToken | undefined;
  private lookaheadText = '';

  constructor(readonly source: string) {}

  /** The next token, or undefined at the end of the root value. */
  next(): JsonToken | undefined {
    this.currentToken = this.advance();
    return this.currentToken;
  }

  /** The text of the current field name, string, number or literal token. */
  text(): string {
    if (this.stringPending && this.currentToken === 'STRING') this.readString();
    return this.current;
  }

  private advance(): JsonToken | undefined {
    if (this.stringPending && !this.lookahead) this.readString();
    if (this.lookahead) {
      const token = this.lookahead;
      this.lookahead = undefined;
      if (token !== 'STRING') this.current = this.lookaheadText;
      return token;
    }
    const container = this.containers.at(-1);
    if (!container) {
      const c = this.skipWhitespace();
      if (this.afterValue || c === undefined) return undefined;
      this.afterValue = true;
      return this.readValue(c);
    }
    return container === 'object' ? this.nextInObject() : this.nextInArray();
  }

  /** Throws a {@link JsonReadError} located at the current read position. */
  fail(reason: string): never {
    const { line, column } = this.location();
    throw new JsonReadError(reason, line, column);
  }

  location(at = this.pos): { line: number; column: number } {
    const before = this.source.slice(0, at);
    const lineStart = before.lastIndexOf('\n') + 1;
    return { line: before.split('\n').length, column: at - lineStart + 1 };
  }

  private nextInObject(): JsonToken {
    let c = this.skipWhitespace();
    if (c === '}') return this.close('END_OBJECT');
    if (this.afterValue) {
      if (c !== ',') this.unexpected(c, 'was expecting comma to separate Object entries');
      this.pos++;
      c = this.skipWhitespace();
    }
    if (c !== '"') this.unexpected(c, 'was expecting double-quote to start field name');
    this.pos++;
    this.readString();
    const name = this.current;
    const colon = this.skipWhitespace();
    if (colon !== ':') this.unexpected(colon, 'was expecting a colon to separate field name and value');
    this.pos++;
    this.afterValue = true;
    this.lookahead = this.readValue(this.skipWhitespace());
    this.lookaheadText = this.current;
    this.current = name;
    return 'FIELD_NAME';
  }

  private nextInArray(): JsonToken {
    let c = this.skipWhitespace();
    if (c === ']') return this.close('END_ARRAY');
    if (this.afterValue) {
      if (c !== ',') this.unexpected(c, 'was expecting comma to separate Array entries');
      this.pos++;
      c = this.skipWhitespace();
    }
    this.afterValue = true;
    return this.readValue(c);
  }

  private close(token: 'END_OBJECT' | 'END_ARRAY'): JsonToken {
    this.pos++;
    this.containers.pop();
    this.afterValue = true;
    return token;
  }

  private readValue(c: string | undefined): JsonToken {
    if (c === undefined) this.endOfInput(this.containers.at(-1));
    if (c === '"') {
      this.pos++;
      this.stringPending = true;
      return 'STRING';
    }
    if (c === '{' || c === '[') {
      this.pos++;
      this.containers.push(c === '{' ? 'object' : 'array');
      this.afterValue = false;
      return c === '{' ? 'START_OBJECT' : 'START_ARRAY';
    }
    if (c === '-' || (c >= '0' && c <= '9')) return this.readNumber();
    if (c === ']' || c === '}' || c === ',') this.unexpected(c, 'expected a value');
    return this.readLiteral();
  }

  private readNumber(): JsonToken {
    NUMBER.lastIndex = this.pos;
    const text = NUMBER.exec(this.source)?.[0] ?? '';
    if (text === '' || text === '-') {
      const c = this.source[this.pos + 1] ?? '';
      this.pos += 2;
      this.fail(
        `Unexpected character ('${c}' (code ${c.charCodeAt(0)})) in numeric value: expected digit (0-9) to follow minus sign, for valid numeric value`,
      );
    }
    this.pos += text.length;
    if (/^-?0$/.test(text) && /\d/.test(this.source[this.pos] ?? '')) this.fail('Invalid numeric value: Leading zeroes not allowed');
    this.current = text;
    return 'NUMBER';
  }

  private readLiteral(): JsonToken {
    const start = this.pos;
    while (this.pos < this.source.length && /[\w$]/.test(this.source[this.pos] ?? '')) this.pos++;
    if (this.pos === start) this.pos++;
    const word = this.source.slice(start, this.pos);
    const token = LITERALS[word];
    if (!token) {
      this.fail(
        `Unrecognized token '${word}': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')`,
      );
    }
    this.current = word;
    return token;
  }

  private readString(): void {
    this.stringPending = false;
    let text = '';
    for (;;) {
      const c = this.source[this.pos++];
      if (c === undefined) this.endOfInput('string');
      if (c === '"') break;
      if (c === '\\') text += this.readEscape();
      else if (c < ' ') this.fail(`Illegal unquoted character ((CTRL-CHAR, code ${c.charCodeAt(0)})): has to be escaped using backslash to be included in string value`);
      else text += c;
    }
    this.current = text;
  }

  private readEscape(): string {
    const c = this.source[this.pos++];
    const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
    if (c !== undefined && simple[c] !== undefined) return simple[c];
    if (c === 'u') {
      const hex = this.source.slice(this.pos, this.pos + 4);
      if (/^[0-9a-fA-F]{4}$/.test(hex)) {
        this.pos += 4;
        return String.fromCharCode(parseInt(hex, 16));
      }
    }
    return this.fail(`Unrecognized character escape '${c ?? ''}' (code ${c?.charCodeAt(0) ?? -1})`);
  }

  private skipWhitespace(): string | undefined {
    while (/[ \t\r\n]/.test(this.source[this.pos] ?? '')) this.pos++;
    return this.source[this.pos];
  }

  private unexpected(c: string | undefined, expectation: string): never {
    if (c === undefined) this.endOfInput(this.containers.at(-1));
    const { line, column } = this.location();
    throw new JsonReadError(`Unexpected character ('${c}' (code ${c.charCodeAt(0)})): ${expectation}`, line, column);
  }

  private endOfInput(inside: 'object' | 'array' | 'string' | undefined): never {
    if (inside === 'string') this.fail('Unexpected end-of-input: was expecting closing quote for a string value');
    if (inside) this.fail(`Unexpected end-of-input: expected close marker for ${inside.toUpperCase()}`);
    return this.fail('No content to map due to end-of-input');
  }
}
