import { describe, expect, it } from 'vitest';
import { InvalidEventPatternError } from '../errors';
import { compilePattern } from './compile-pattern';

function reasonFor(pattern: string): string {
  try {
    compilePattern(pattern);
  } catch (error) {
    if (error instanceof InvalidEventPatternError) return error.reason;
    throw error;
  }
  throw new Error(`pattern was accepted: ${pattern}`);
}

describe('compilePattern', () => {
  it('words an invalid pattern as EventBridge does, with Jackson\'s location', () => {
    const pattern = '{"source": ["aws.health"], "detail": {}}';

    const compile = () => compilePattern(pattern);

    expect(compile).toThrow(InvalidEventPatternError);
    expect(compile).toThrow(
      `Event pattern is not valid. Reason: Empty objects are not allowed\n at [Source: (String)"${pattern}"; line: 1, column: 40]`,
    );
  });

  it('counts lines and columns in a multi-line pattern', () => {
    const pattern = '{\n  "detail": {\n    "slug": "some-pipeline"\n  }\n}';

    const compile = () => compilePattern(pattern);

    expect(compile).toThrow(/Reason: "slug" must be an object or an array\n at \[Source: .*; line: 3, column: 14\]$/s);
  });

  it('prints the location twice for an error inside an anything-but list', () => {
    const pattern = '{"detail": {"state": [{"anything-but": {"prefix": [123, "test"]}}]}}';

    const compile = () => compilePattern(pattern);

    expect(compile).toThrow(/column: 55\]\n at \[Source: .*column: 55\]$/s);
  });

  it('leaves the location out of CIDR errors', () => {
    const compile = () => compilePattern('{"ip": [{"cidr": "10.0.0.0"}]}');

    expect(compile).toThrow(/^Event pattern is not valid\. Reason: Malformed CIDR, one '\/' required$/);
  });

  it('truncates a long pattern in the location as Jackson does', () => {
    const pattern = `{"source": ${JSON.stringify('x'.repeat(600))}}`;

    const compile = () => compilePattern(pattern);

    expect(compile).toThrow(/"\[truncated 114 chars\]; line: 1, column: 13\]$/);
  });

  it.each([
    ['a JSON array', '["not", "a", "dict"]', 'Filter is not an object'],
    ['an empty pattern', '  ', 'Filter is not an object'],
    ['text that is not JSON', 'this is not json', "Unrecognized token 'this': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')"],
    ['single quotes', "{'bad': 'quotation'}", "Unexpected character (''' (code 39)): was expecting double-quote to start field name"],
    ['an unterminated object', '{"source": ["a"]', 'Unexpected end-of-input: expected close marker for OBJECT'],
    ['a leaf that is not a list', '{"source": "aws.ec2"}', '"source" must be an object or an array'],
    ['a number leaf', '{"int": 42}', '"int" must be an object or an array'],
    ['an empty list', '{"resources": []}', 'Empty arrays are not allowed'],
    ['an empty object', '{}', 'Empty objects are not allowed'],
    ['a list inside a list', '{"a": [["b"]]}', 'Match value must be String, number, true, false, or null'],
    ['an unknown operator', '{"a": [{"contains": "b"}]}', 'Unrecognized match type contains'],
    ['an operator in another case', '{"a": [{"EXISTS": true}]}', 'Unrecognized match type EXISTS'],
    ['an operator object without a name', '{"a": [{}]}', 'Match expression name not found'],
    ['two operators in one object', '{"a": [{"prefix": "b", "suffix": "c"}]}', 'Only one key allowed in match expression'],
    ['a non-string prefix', '{"time": [{"prefix": 123}]}', 'prefix match pattern must be a string'],
    ['a list as suffix', '{"f": [{"suffix": [".png"]}]}', 'suffix match pattern must be a string'],
    ['an unknown prefix option', '{"f": [{"prefix": {"wildcard": "x"}}]}', 'Unsupported prefix pattern: wildcard'],
    ['a list as equals-ignore-case', '{"f": [{"equals-ignore-case": ["a"]}]}', 'equals-ignore-case match pattern must be a string'],
    ['a non-string wildcard', '{"f": [{"wildcard": 123}]}', 'wildcard match pattern must be a string'],
    ['consecutive wildcards', '{"f": [{"wildcard": "arn:aws:events:us-east-1:**:event-bus/*"}]}', 'Consecutive wildcard characters at pos 26'],
    ['an escape of another character', '{"f": [{"wildcard": "a\\\\b"}]}', 'Invalid escape character at pos 2'],
    ['a wildcard too complex to match', '{"f": [{"wildcard": "*:*:*:*:*:event-bus/*"}]}', 'Rule is too complex - try using fewer wildcard characters or fewer repeating character sequences after a wildcard character'],
    ['exists that is not a boolean', '{"f": [{"exists": "yes"}]}', 'exists match pattern must be either true or false.'],
    ['numeric that is not a list', '{"n": [{"numeric": 5}]}', 'Value of numeric must be an array.'],
    ['an unknown numeric operator', '{"n": [{"numeric": ["!=", 5]}]}', 'Unrecognized numeric range operator: !='],
    ['a non-numeric operand', '{"n": [{"numeric": [">", "5"]}]}', 'Value of > must be numeric'],
    ['a missing upper operand', '{"n": [{"numeric": [">", 0, "<"]}]}', 'Value of < must be numeric'],
    ['two lower bounds', '{"n": [{"numeric": [">", 0, ">", 0]}]}', 'Bad numeric range operator: >'],
    ['a lower bound after an upper bound', '{"n": [{"numeric": ["<", 10, ">", 0]}]}', 'Too many elements in numeric expression'],
    ['too many terms', '{"n": [{"numeric": [">", 0, "<", 5, "<", 6]}]}', 'Too many terms in numeric range expression'],
    ['an empty range', '{"n": [{"numeric": [">", 5, "<", 5]}]}', 'Bottom must be less than top'],
    ['a number beyond the comparable range', '{"n": [{"numeric": [">", 6e9]}]}', 'Value must be between -5.0E9 and 5.0E9, inclusive'],
    ['a CIDR without a mask', '{"ip": [{"cidr": "10.0.0.0"}]}', "Malformed CIDR, one '/' required"],
    ['a CIDR with a word for mask', '{"ip": [{"cidr": "10.0.0.0/xx"}]}', 'Malformed CIDR, mask bits must be an integer'],
    ['a CIDR of a non-address', '{"ip": [{"cidr": "xx.11.xx/24"}]}', 'Nonstandard IP address: xx.11.xx'],
    ['an IPv4 mask that leaves no host bits', '{"ip": [{"cidr": "10.0.0.1/32"}]}', 'IPv4 mask bits must be < 32'],
    ['a CIDR list', '{"ip": [{"cidr": ["10.0.0.0/8"]}]}', 'prefix match pattern must be a string'],
    ['anything-but null', '{"s": [{"anything-but": null}]}', 'Value of anything-but must be an array or single string/number value.'],
    ['anything-but of mixed types', '{"s": [{"anything-but": ["a", 1]}]}', 'Inside anything but list, either all values are number or string, mixed type is not supported'],
    ['anything-but of an empty list', '{"s": [{"anything-but": []}]}', 'Inside anything but list, either all values are number or string, mixed type is not supported'],
    ['anything-but with null in its list', '{"s": [{"anything-but": ["a", null]}]}', 'Inside anything but list, start|null|boolean is not supported.'],
    ['anything-but of an unknown operator', '{"s": [{"anything-but": {"numeric": [">", 1]}}]}', 'Unsupported anything-but pattern: numeric'],
    ['anything-but of an empty prefix', '{"s": [{"anything-but": {"prefix": ""}}]}', 'Null prefix/suffix not allowed'],
    ['anything-but of a numeric prefix', '{"s": [{"anything-but": {"prefix": 123}}]}', 'prefix/suffix match pattern must be a string'],
    ['anything-but of a case-folded prefix', '{"s": [{"anything-but": {"prefix": {"equals-ignore-case": "a"}}}]}', 'Value of anything-but must be an array or single string/number value.'],
    ['anything-but ignoring case of a number', '{"s": [{"anything-but": {"equals-ignore-case": 123}}]}', 'Inside anything-but/equals-ignore-case list, number|start|null|boolean is not supported.'],
    ['$or that is not a list', '{"$or": {"a": ["b"]}}', 'It must be an Array followed with $or.'],
    ['$or with one branch', '{"$or": [{"a": ["b"]}]}', 'There must have at least 2 Objects in $or relationship.'],
    ['$or with a non-object branch', '{"$or": [{"a": ["b"]}, "c"]}', 'Only JSON object is allowed in array of $or relationship.'],
    ['$or naming an operator as a field', '{"$or": [{"numeric": [1]}, {"prefix": ["a"]}]}', 'numeric is Ruler reserved fieldName which cannot be used inside $or.'],
  ])('refuses %s', (_description, pattern, reason) => {
    const refusal = reasonFor(pattern);

    expect(refusal).toBe(reason);
  });

  it('expands $or into one sub-rule per branch', () => {
    const pattern = '{"source": ["a"], "$or": [{"b": [1]}, {"c": [2]}, {"d": [3]}]}';

    const compiled = compilePattern(pattern);

    expect(compiled.subRules.map((rule) => [...rule.keys()].sort())).toEqual([
      ['b', 'source'],
      ['c', 'source'],
      ['d', 'source'],
    ]);
  });
});
