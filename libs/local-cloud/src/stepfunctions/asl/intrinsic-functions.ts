import { createHash, randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import type { Json } from '../../core/contracts';
import { intrinsicFailure } from './errors';

type JsonArray = Json[];
type JsonObject = { [key: string]: Json };
/** One intrinsic: evaluated arguments in, value out; throws `States.IntrinsicFailure` on bad arguments. */
type Intrinsic = (args: Json[], name: string) => Json;

const MAX_STRING = 10_000;
const INT32 = { min: -2147483648, max: 2147483647 };
const HASHES: Record<string, string> = { MD5: 'md5', 'SHA-1': 'sha1', 'SHA-256': 'sha256', 'SHA-384': 'sha384', 'SHA-512': 'sha512' };

const fail = (name: string, reason: string) => intrinsicFailure(`Invalid arguments in ${name}: ${reason}`);

function arity(args: Json[], name: string, min: number, max = min): void {
  if (args.length < min || args.length > max) {
    const expected = min === max ? `${min}` : `${min} to ${max}`;
    throw fail(name, `expected ${expected} argument(s), received ${args.length}`);
  }
}

function arrayArg(value: Json | undefined, name: string, position: number): JsonArray {
  if (!Array.isArray(value)) throw fail(name, `argument ${position} must be an array`);
  return value;
}

function stringArg(value: Json | undefined, name: string, position: number): string {
  if (typeof value !== 'string') throw fail(name, `argument ${position} must be a string`);
  return value;
}

function objectArg(value: Json | undefined, name: string, position: number): JsonObject {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw fail(name, `argument ${position} must be a JSON object`);
  return value;
}

/** Numbers where the documentation asks for integers: non-integers are rounded to the nearest integer. */
function integerArg(value: Json | undefined, name: string, position: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw fail(name, `argument ${position} must be a number`);
  return Math.round(value);
}

function boundedString(value: Json | undefined, name: string): string {
  const text = stringArg(value, name, 1);
  if (text.length > MAX_STRING) throw fail(name, `the input string exceeds ${MAX_STRING} characters`);
  return text;
}

/** A small deterministic generator, so that the same seed gives the same number as documented. */
function seededRandom(seed: number): () => number {
  let state = Math.trunc(seed) >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const arrays: Record<string, Intrinsic> = {
  'States.Array': (args) => args,
  'States.ArrayPartition': (args, name) => {
    arity(args, name, 2);
    const array = arrayArg(args[0], name, 1);
    const size = integerArg(args[1], name, 2);
    if (size <= 0) throw fail(name, 'the chunk size must be a positive integer');
    const chunks: JsonArray = [];
    for (let i = 0; i < array.length; i += size) chunks.push(array.slice(i, i + size));
    return chunks;
  },
  'States.ArrayContains': (args, name) => {
    arity(args, name, 2);
    return arrayArg(args[0], name, 1).some((item) => isDeepStrictEqual(item, args[1]));
  },
  'States.ArrayRange': (args, name) => {
    arity(args, name, 3);
    const [start, end, step] = [0, 1, 2].map((i) => integerArg(args[i], name, i + 1)) as [number, number, number];
    if (step === 0) throw fail(name, 'the step must not be zero');
    const length = Math.floor((end - start) / step) + 1;
    if (length > 1000) throw fail(name, 'the range would hold more than 1000 items');
    return Array.from({ length: Math.max(length, 0) }, (_, i) => start + i * step);
  },
  'States.ArrayGetItem': (args, name) => {
    arity(args, name, 2);
    const array = arrayArg(args[0], name, 1);
    const index = args[1];
    if (typeof index !== 'number' || !Number.isInteger(index) || index < 0) throw fail(name, 'the index must be a non-negative integer');
    if (index >= array.length) throw fail(name, `index ${index} is out of bounds for an array of length ${array.length}`);
    return array[index]!;
  },
  'States.ArrayLength': (args, name) => {
    arity(args, name, 1);
    return arrayArg(args[0], name, 1).length;
  },
  'States.ArrayUnique': (args, name) => {
    arity(args, name, 1);
    const array = arrayArg(args[0], name, 1);
    return array.filter((item, i) => array.findIndex((other) => isDeepStrictEqual(other, item)) === i);
  },
};

const encoding: Record<string, Intrinsic> = {
  'States.Base64Encode': (args, name) => {
    arity(args, name, 1);
    return Buffer.from(boundedString(args[0], name), 'utf8').toString('base64');
  },
  'States.Base64Decode': (args, name) => {
    arity(args, name, 1);
    const text = boundedString(args[0], name);
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 === 1) throw fail(name, 'the input is not Base64');
    return Buffer.from(text, 'base64').toString('utf8');
  },
  'States.Hash': (args, name) => {
    arity(args, name, 2);
    const data = boundedString(args[0], name);
    const algorithm = HASHES[stringArg(args[1], name, 2)];
    if (!algorithm) throw fail(name, `the algorithm must be one of ${Object.keys(HASHES).join(', ')}`);
    return createHash(algorithm).update(data, 'utf8').digest('hex');
  },
};

const json: Record<string, Intrinsic> = {
  'States.JsonMerge': (args, name) => {
    arity(args, name, 3);
    const [left, right] = [objectArg(args[0], name, 1), objectArg(args[1], name, 2)];
    if (typeof args[2] !== 'boolean') throw fail(name, 'argument 3 must be a boolean');
    if (args[2]) throw fail(name, 'only the shallow merge (false) is supported');
    return { ...left, ...right };
  },
  'States.StringToJson': (args, name) => {
    arity(args, name, 1);
    try {
      return JSON.parse(stringArg(args[0], name, 1)) as Json;
    } catch (err) {
      if (err instanceof SyntaxError) throw fail(name, 'the string is not valid JSON');
      throw err;
    }
  },
  'States.JsonToString': (args, name) => {
    arity(args, name, 1);
    return JSON.stringify(args[0]);
  },
};

const math: Record<string, Intrinsic> = {
  'States.MathRandom': (args, name) => {
    arity(args, name, 2, 3);
    const [start, end] = [integerArg(args[0], name, 1), integerArg(args[1], name, 2)];
    if (start >= end) throw fail(name, 'the start must be less than the end');
    const random = args[2] === undefined ? Math.random : seededRandom(integerArg(args[2], name, 3));
    return start + Math.floor(random() * (end - start));
  },
  'States.MathAdd': (args, name) => {
    arity(args, name, 2);
    const [a, b] = [integerArg(args[0], name, 1), integerArg(args[1], name, 2)];
    if ([a, b].some((n) => n < INT32.min || n > INT32.max)) throw fail(name, `the values must be between ${INT32.min} and ${INT32.max}`);
    return a + b;
  },
};

const strings: Record<string, Intrinsic> = {
  'States.StringSplit': (args, name) => {
    arity(args, name, 2);
    const text = stringArg(args[0], name, 1);
    const delimiters = new Set(stringArg(args[1], name, 2));
    // Each character of the second argument delimits, and empty tokens are dropped (as a tokenizer does).
    const tokens: string[] = [];
    let token = '';
    for (const char of text) {
      if (delimiters.has(char)) {
        if (token) tokens.push(token);
        token = '';
      } else token += char;
    }
    if (token) tokens.push(token);
    return tokens;
  },
  'States.UUID': (args, name) => {
    arity(args, name, 0);
    return randomUUID();
  },
};

/** Every documented intrinsic except States.Format, which needs its template's parse (see intrinsics.ts). */
export const INTRINSICS: Readonly<Record<string, Intrinsic>> = { ...arrays, ...encoding, ...json, ...math, ...strings };
