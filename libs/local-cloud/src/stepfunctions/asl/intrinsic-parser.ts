import type { Json } from '../../core/contracts';
import { intrinsicFailure } from './errors';

/** One argument of an intrinsic invocation, as parsed. */
export type IntrinsicNode =
  | { readonly kind: 'call'; readonly name: string; readonly args: readonly IntrinsicNode[] }
  | { readonly kind: 'string'; readonly value: string; readonly formatParts: readonly string[] }
  | { readonly kind: 'literal'; readonly value: Json }
  | { readonly kind: 'path'; readonly path: string };

const ESCAPABLE = new Set(["'", '{', '}', '\\']);
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const NAME = /States\.[A-Za-z0-9]+/y;

/**
 * Parses an intrinsic invocation such as `States.Format('Hi {}', $.name)`. String literals keep both their
 * unescaped value and, for States.Format, the text between unescaped `{}` pairs: `\{\}` is a literal `{}`.
 *
 * @example
 * parseIntrinsic("States.Array(1, 'a', $.b)"); // { kind: 'call', name: 'States.Array', args: [...] }
 */
export function parseIntrinsic(text: string): IntrinsicNode & { kind: 'call' } {
  const parser = new Parser(text);
  const call = parser.call();
  parser.skipSpace();
  if (!parser.done()) throw parser.fail('unexpected text after the closing parenthesis');
  return call;
}

class Parser {
  private at = 0;
  constructor(private readonly text: string) {}

  done(): boolean {
    return this.at >= this.text.length;
  }

  fail(reason: string): Error {
    return intrinsicFailure(`Invalid intrinsic function '${this.text}': ${reason} at position ${this.at}`);
  }

  skipSpace(): void {
    while (/\s/.test(this.text[this.at] ?? '')) this.at += 1;
  }

  call(): IntrinsicNode & { kind: 'call' } {
    NAME.lastIndex = this.at;
    const name = NAME.exec(this.text)?.[0];
    if (!name) throw this.fail('expected a States.* function name');
    this.at += name.length;
    this.expect('(');
    const args: IntrinsicNode[] = [];
    this.skipSpace();
    if (this.text[this.at] === ')') {
      this.at += 1;
      return { kind: 'call', name, args };
    }
    for (;;) {
      args.push(this.argument());
      this.skipSpace();
      const next = this.text[this.at];
      this.at += 1;
      if (next === ')') return { kind: 'call', name, args };
      if (next !== ',') throw this.fail("expected ',' or ')'");
    }
  }

  private expect(char: string): void {
    this.skipSpace();
    if (this.text[this.at] !== char) throw this.fail(`expected '${char}'`);
    this.at += 1;
  }

  private argument(): IntrinsicNode {
    this.skipSpace();
    const rest = this.text.slice(this.at);
    if (rest.startsWith("'")) return this.string();
    if (rest.startsWith('$')) return { kind: 'path', path: this.path() };
    if (rest.startsWith('States.')) return this.call();
    for (const [word, value] of [['true', true], ['false', false], ['null', null]] as const) {
      if (rest.startsWith(word)) {
        this.at += word.length;
        return { kind: 'literal', value };
      }
    }
    NUMBER.lastIndex = this.at;
    const number = NUMBER.exec(this.text)?.[0];
    if (!number) throw this.fail('expected a string, number, boolean, null, path or function');
    this.at += number.length;
    return { kind: 'literal', value: Number(number) };
  }

  private string(): IntrinsicNode {
    this.at += 1;
    let value = '';
    let part = '';
    const parts: string[] = [];
    while (this.at < this.text.length) {
      const char = this.text[this.at]!;
      if (char === "'") {
        this.at += 1;
        return { kind: 'string', value, formatParts: [...parts, part] };
      }
      if (char === '\\') {
        const escaped = this.text[this.at + 1];
        if (escaped === undefined || !ESCAPABLE.has(escaped)) throw this.fail('open escape backslash');
        value += escaped;
        part += escaped;
        this.at += 2;
        continue;
      }
      if (char === '{' && this.text[this.at + 1] === '}') {
        parts.push(part);
        part = '';
        value += '{}';
        this.at += 2;
        continue;
      }
      value += char;
      part += char;
      this.at += 1;
    }
    throw this.fail('unterminated string literal');
  }

  private path(): string {
    const start = this.at;
    let depth = 0;
    let quote: string | undefined;
    while (this.at < this.text.length) {
      const char = this.text[this.at]!;
      if (quote) {
        if (char === '\\') this.at += 1;
        else if (char === quote) quote = undefined;
      } else if (char === "'" || char === '"') quote = char;
      else if (char === '[' || char === '(') depth += 1;
      else if (char === ']' || (char === ')' && depth > 0)) depth -= 1;
      else if (depth === 0 && (char === ',' || char === ')')) break;
      this.at += 1;
    }
    return this.text.slice(start, this.at).trim();
  }
}

/** How many invocations a parsed expression holds (the documented limit is 10 per field). */
export function countCalls(node: IntrinsicNode): number {
  if (node.kind !== 'call') return 0;
  return 1 + node.args.reduce((sum, arg) => sum + countCalls(arg), 0);
}
