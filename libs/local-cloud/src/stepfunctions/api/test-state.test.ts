import { createHash } from 'node:crypto';
import { TestStateCommand, type TestStateCommandOutput } from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Json } from '../../core/contracts';
import { fakeLambda, startLocalStates, type LocalStates } from '../testing';

let states: LocalStates;

beforeAll(async () => {
  const lambda = fakeLambda({
    echo: (payload) => ({ body: payload, status: 'ok' }),
    boom: () => {
      throw Object.assign(new Error('card declined'), { name: 'LambdaFunctionError', errorType: 'PaymentDeclined', errorMessage: 'card declined' });
    },
  });
  states = await startLocalStates({ lambda });
});

afterAll(() => states.close());

const ROLE = 'arn:aws:iam::123456789012:role/test';
const FN = 'arn:aws:lambda:us-east-1:123456789012:function';

function test(state: object, input: Json = {}, inspectionLevel: 'INFO' | 'DEBUG' = 'INFO'): Promise<TestStateCommandOutput> {
  return states.client.send(new TestStateCommand({ definition: JSON.stringify(state), input: JSON.stringify(input), roleArn: ROLE, inspectionLevel }));
}

async function intrinsic(expression: string, input: Json = {}): Promise<TestStateCommandOutput & { value?: Json }> {
  const out = await test({ Type: 'Pass', Parameters: { 'value.$': expression }, End: true }, input);
  return { ...out, value: out.output ? (JSON.parse(out.output) as { value: Json }).value : undefined };
}

describe('intrinsic functions through TestState', () => {
  const arn = 'arn:aws:imagebuilder:us-east-1:123456789012:image-recipe/my-recipe.v1/1.0.0';
  it.each<[string, Json, Json]>([
    ["States.Format('Hello, my name is {}.', $.name)", { name: 'Arnav' }, 'Hello, my name is Arnav.'],
    ['States.Format($.template, $.name)', { name: 'Arnav', template: 'Hello, my name is {}.' }, 'Hello, my name is Arnav.'],
    ["States.Format('{} {} {} {}', 1.5, true, null, $.s)", { s: 'x' }, '1.5 true null x'],
    ["States.Format('\\{\\} \\'quoted\\' back\\\\slash {}', $.v)", { v: 'v' }, "{} 'quoted' back\\slash v"],
    ['States.StringToJson($.escapedJsonString)', { escapedJsonString: '{"foo": "bar"}' }, { foo: 'bar' }],
    ['States.JsonToString($.unescapedJson)', { unescapedJson: { foo: 'bar' } }, '{"foo":"bar"}'],
    ["States.Array($.Id, 'a', 2, null, true)", { Id: 123456 }, [123456, 'a', 2, null, true]],
    ['States.Array()', {}, []],
    ['States.ArrayPartition($.inputArray, 4)', { inputArray: [1, 2, 3, 4, 5, 6, 7, 8, 9] }, [[1, 2, 3, 4], [5, 6, 7, 8], [9]]],
    ['States.ArrayPartition($.a, 1.6)', { a: [1, 2, 3] }, [[1, 2], [3]]],
    ['States.ArrayContains($.inputArray, $.lookingFor)', { inputArray: [1, 2, 3, 4, 5], lookingFor: 5 }, true],
    ['States.ArrayContains($.a, $.b)', { a: [{ k: 1 }], b: { k: 1 } }, true],
    ['States.ArrayContains($.a, 9)', { a: [1, 2] }, false],
    ['States.ArrayRange(1, 9, 2)', {}, [1, 3, 5, 7, 9]],
    ['States.ArrayRange(5, 1, -2)', {}, [5, 3, 1]],
    ['States.ArrayGetItem($.inputArray, $.index)', { inputArray: [1, 2, 3, 4, 5, 6, 7, 8, 9], index: 5 }, 6],
    ['States.ArrayLength($.inputArray)', { inputArray: [1, 2, 3, 4, 5, 6, 7, 8, 9] }, 9],
    ['States.ArrayUnique($.inputArray)', { inputArray: [1, 2, 3, 3, 3, 3, 3, 3, 4] }, [1, 2, 3, 4]],
    ['States.Base64Encode($.input)', { input: 'Data to encode' }, 'RGF0YSB0byBlbmNvZGU='],
    ['States.Base64Decode($.base64)', { base64: 'RGF0YSB0byBlbmNvZGU=' }, 'Data to encode'],
    ['States.Hash($.Data, $.Algorithm)', { Data: 'input data', Algorithm: 'SHA-1' }, 'aaff4a450a104cd177d28d18d74485e8cae074b7'],
    ['States.JsonMerge($.json1, $.json2, false)', { json1: { a: { a1: 1, a2: 2 }, b: 2 }, json2: { a: { a3: 1, a4: 2 }, c: 3 } }, { a: { a3: 1, a4: 2 }, b: 2, c: 3 }],
    ['States.MathAdd($.value1, $.step)', { value1: 111, step: -1 }, 110],
    ['States.MathAdd(1.6, 1)', {}, 3],
    ['States.StringSplit($.inputString, $.splitter)', { inputString: '1,2,3,4,5', splitter: ',' }, ['1', '2', '3', '4', '5']],
    ['States.StringSplit($.inputString, $.splitter)', { inputString: 'This.is+a,test=string', splitter: '.+,=' }, ['This', 'is', 'a', 'test', 'string']],
    [
      "States.Format('{}.{}', States.ArrayGetItem(States.StringSplit(States.ArrayGetItem(States.StringSplit($.ImageRecipe.Arn, '/'), 2), '.'), 0), States.ArrayGetItem(States.StringSplit(States.ArrayGetItem(States.StringSplit($.ImageRecipe.Arn, '/'), 2), '.'), 1))",
      { ImageRecipe: { Arn: arn } },
      '1.0',
    ],
  ])('%s evaluates as documented', async (expression, input, expected) => {
    const out = await intrinsic(expression, input);

    expect(out.status).toBe('SUCCEEDED');
    expect(out.value).toEqual(expected);
  });

  it.each(['MD5', 'SHA-1', 'SHA-256', 'SHA-384', 'SHA-512'])('States.Hash computes %s as hex', async (algorithm) => {
    const expected = createHash(algorithm.replace('-', '').toLowerCase()).update('héllo').digest('hex');

    const out = await intrinsic(`States.Hash($.d, '${algorithm}')`, { d: 'héllo' });

    expect(out.value).toBe(expected);
  });

  it('States.MathRandom stays within [start, end) and repeats for a seed', async () => {
    const values = await Promise.all(Array.from({ length: 20 }, () => intrinsic('States.MathRandom(1, 4)')));
    const seeded = await Promise.all([intrinsic('States.MathRandom(1, 1000, 42)'), intrinsic('States.MathRandom(1, 1000, 42)')]);

    for (const { value } of values) expect([1, 2, 3]).toContain(value);
    expect(seeded[0].value).toBe(seeded[1].value);
  });

  it('States.UUID returns a version 4 UUID', async () => {
    const out = await intrinsic('States.UUID()');

    expect(out.value).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it.each<[string, Json]>([
    ["States.Format('{} and {}', 'one')", {}],
    ['States.ArrayPartition($.a, 0)', { a: [1] }],
    ['States.ArrayRange(1, 2000, 1)', {}],
    ['States.ArrayRange(1, 5, 0)', {}],
    ['States.ArrayGetItem($.a, 3)', { a: [1] }],
    ['States.JsonMerge($.a, $.b, true)', { a: {}, b: {} }],
    ["States.Hash('x', 'SHA-3')", {}],
    ['States.StringToJson($.s)', { s: '{not json' }],
    ['States.Base64Encode($.s)', { s: 'x'.repeat(10_001) }],
    ['States.MathAdd(2147483648, 1)', {}],
    ['States.ArrayLength($.notArray)', { notArray: 'abc' }],
  ])('%s fails with States.IntrinsicFailure', async (expression, input) => {
    const out = await test({ Type: 'Task', Resource: `${FN}:echo`, Parameters: { 'value.$': expression }, End: true }, input);

    expect(out.status).toBe('FAILED');
    expect(out.error).toBe('States.IntrinsicFailure');
  });
});

describe('malformed intrinsic functions', () => {
  it.each(["States.Format('open \\escape')", 'States.NoSuchFunction(1)', "States.Format('unterminated)", 'States.Array(1,'])(
    '%s is refused as an invalid definition',
    async (expression) => {
      const call = intrinsic(expression);

      await expect(call).rejects.toMatchObject({ name: 'InvalidDefinition' });
    },
  );
});

describe('input and output processing through TestState', () => {
  const input = { a: { b: 1 }, list: [1, 2], name: 'Ana' };
  it.each<[string, object, Json]>([
    ['InputPath selects the effective input', { InputPath: '$.a' }, { b: 1 }],
    ['InputPath null gives an empty object', { InputPath: null }, {}],
    ['Parameters reads the input and the context object', { Parameters: { 'n.$': '$.name', 'state.$': '$$.State.Name', fixed: [1, { 'x.$': '$.a.b' }] } }, { n: 'Ana', state: 'TestState', fixed: [1, { x: 1 }] }],
    ['Result replaces the input', { Result: { r: 0 } }, { r: 0 }],
    ['a falsy Result is still the result', { Result: 0, ResultPath: '$.zero' }, { ...input, zero: 0 }],
    ['ResultPath places the result into the raw input', { InputPath: '$.a', ResultPath: '$.copy.of.a' }, { ...input, copy: { of: { a: { b: 1 } } } }],
    ['ResultPath $ replaces the input', { Result: 'x', ResultPath: '$' }, 'x'],
    ['ResultPath null keeps the raw input', { Result: 'x', ResultPath: null }, input],
    ['OutputPath selects from the output', { Result: { keep: 1, drop: 2 }, OutputPath: '$.keep' }, 1],
    ['an indefinite path yields an array', { Parameters: { 'all.$': '$.list[*]' } }, { all: [1, 2] }],
  ])('%s', async (_title, fields, expected) => {
    const out = await test({ Type: 'Pass', ...fields, End: true }, input);

    expect(out.status).toBe('SUCCEEDED');
    expect(JSON.parse(out.output!)).toEqual(expected);
  });

  it('reports each processing step of a Task at DEBUG', async () => {
    const state = { Type: 'Task', Resource: `${FN}:echo`, InputPath: '$.order', Parameters: { 'id.$': '$.id' }, ResultSelector: { 'got.$': '$.body.id' }, ResultPath: '$.result', OutputPath: '$.result', Next: 'Done' };

    const out = await test(state, { order: { id: 'o-1', total: 5 } }, 'DEBUG');

    expect(out).toMatchObject({ status: 'SUCCEEDED', nextState: 'Done', output: '{"got":"o-1"}' });
    expect(out.inspectionData).toMatchObject({
      input: '{"order":{"id":"o-1","total":5}}',
      afterInputPath: '{"id":"o-1","total":5}',
      afterParameters: '{"id":"o-1"}',
      result: '{"body":{"id":"o-1"},"status":"ok"}',
      afterResultSelector: '{"got":"o-1"}',
      afterResultPath: '{"order":{"id":"o-1","total":5},"result":{"got":"o-1"}}',
    });
  });

  it('fails with States.Runtime when InputPath selects nothing', async () => {
    const out = await test({ Type: 'Pass', InputPath: '$.missing', End: true }, input);

    expect(out).toMatchObject({ status: 'FAILED', error: 'States.Runtime' });
  });

  it('fails with States.ResultPathMatchFailure when the input cannot hold the result', async () => {
    const out = await test({ Type: 'Pass', Result: 1, ResultPath: '$.x', End: true }, 'a string');

    expect(out).toMatchObject({ status: 'FAILED', error: 'States.ResultPathMatchFailure' });
  });
});

describe('state semantics through TestState', () => {
  it.each<[string, object, Json, string]>([
    ['a string comparison', { Variable: '$.s', StringEquals: 'a' }, { s: 'a' }, 'Yes'],
    ['a numeric comparison of a string is false', { Variable: '$.n', NumericLessThan: 5 }, { n: '3' }, 'No'],
    ['IsNull false on a value', { Variable: '$.v', IsNull: false }, { v: 1 }, 'Yes'],
    ['IsPresent false on a missing field', { Variable: '$.missing', IsPresent: false }, {}, 'Yes'],
    ['StringMatches with a wildcard', { Variable: '$.f', StringMatches: 'log-*.txt' }, { f: 'log-2024.txt' }, 'Yes'],
    ['a timestamp comparison', { Variable: '$.t', TimestampGreaterThanPath: '$.u' }, { t: '2024-01-02T00:00:00Z', u: '2024-01-01T00:00:00Z' }, 'Yes'],
    ['And/Not', { And: [{ Variable: '$.n', NumericGreaterThanEquals: 1 }, { Not: { Variable: '$.n', NumericEquals: 2 } }] }, { n: 3 }, 'Yes'],
  ])('Choice takes the rule path on %s', async (_title, rule, input, next) => {
    const out = await test({ Type: 'Choice', Choices: [{ ...rule, Next: 'Yes' }], Default: 'No' }, input);

    expect(out).toMatchObject({ status: 'SUCCEEDED', nextState: next });
  });

  it('Choice without a match or Default fails with States.NoChoiceMatched', async () => {
    const out = await test({ Type: 'Choice', Choices: [{ Variable: '$.n', NumericEquals: 1, Next: 'One' }] }, { n: 2 });

    expect(out).toMatchObject({ status: 'FAILED', error: 'States.NoChoiceMatched' });
  });

  it('Fail reports its error and cause, including from paths', async () => {
    const out = await test({ Type: 'Fail', ErrorPath: '$.code', CausePath: "States.Format('order {} failed', $.id)" }, { code: 'Order.Failed', id: 7 });

    expect(out).toMatchObject({ status: 'FAILED', error: 'Order.Failed', cause: 'order 7 failed' });
  });

  it('Wait and Succeed pass their input through', async () => {
    const wait = await test({ Type: 'Wait', Seconds: 5, OutputPath: '$.k', Next: 'After' }, { k: 1 });
    const succeed = await test({ Type: 'Succeed', InputPath: '$.k' }, { k: 2 });

    expect(wait).toMatchObject({ status: 'SUCCEEDED', output: '1', nextState: 'After' });
    expect(succeed).toMatchObject({ status: 'SUCCEEDED', output: '2' });
  });

  it('a function error matched by a Retrier is RETRIABLE', async () => {
    const state = { Type: 'Task', Resource: `${FN}:boom`, Retry: [{ ErrorEquals: ['States.TaskFailed'], IntervalSeconds: 3 }], End: true };

    const out = await test(state, {}, 'DEBUG');

    expect(out).toMatchObject({ status: 'RETRIABLE', error: 'PaymentDeclined' });
    expect(out.inspectionData?.errorDetails).toEqual({ retryIndex: 0, retryBackoffIntervalSeconds: 3 });
  });

  it('a function error matched by a Catcher is CAUGHT_ERROR with the catcher as next state', async () => {
    const state = { Type: 'Task', Resource: `${FN}:boom`, Catch: [{ ErrorEquals: ['Other'], Next: 'X' }, { ErrorEquals: ['PaymentDeclined'], ResultPath: '$.error', Next: 'Refund' }], End: true };

    const out = await test(state, { order: 1 });

    expect(out).toMatchObject({ status: 'CAUGHT_ERROR', error: 'PaymentDeclined', nextState: 'Refund' });
    expect(JSON.parse(out.output!)).toMatchObject({ order: 1, error: { Error: 'PaymentDeclined' } });
    expect(JSON.parse((JSON.parse(out.output!) as { error: { Cause: string } }).error.Cause)).toMatchObject({ errorMessage: 'card declined' });
  });
});
