import { describe, expect, it } from 'vitest';
import type { Json } from '../../core/contracts';
import { compilePattern } from './compile-pattern';
import { matchesPattern } from './match-event';

// Events from the EventBridge user guide's pattern pages.
const ec2Event = {
  version: '0',
  id: '6a7e8feb-b491-4cf7-a9f1-bf3703467718',
  'detail-type': 'EC2 Instance State-change Notification',
  source: 'aws.ec2',
  account: '111122223333',
  time: '2017-12-22T18:43:48Z',
  region: 'us-west-1',
  resources: ['arn:aws:ec2:us-west-1:123456789012:instance/i-1234567890abcdef0'],
  detail: { 'instance-id': 'i-1234567890abcdef0', state: 'terminated' },
};
const autoscalingEvent = {
  ...ec2Event,
  source: 'aws.autoscaling',
  resources: [],
  detail: { eventVersion: '', responseElements: null },
};
const withDetail = (detail: Record<string, Json>): Json => ({ ...ec2Event, detail });

type Row = readonly [description: string, pattern: Json, event: Json, expected: boolean];

const check = (rows: readonly Row[]) =>
  it.each(rows)('%s', (_description, pattern, event, expected) => {
    const compiled = compilePattern(JSON.stringify(pattern));

    const result = matchesPattern(compiled, event);

    expect(result).toBe(expected);
  });

describe('exact values, null and empty strings', () => {
  check([
    ['matches every field named in the pattern', { source: ['aws.ec2'], 'detail-type': ['EC2 Instance State-change Notification'], detail: { state: ['terminated'] } }, ec2Event, true],
    ['refuses a different value', { detail: { state: ['running'] } }, ec2Event, false],
    ['matches any of several values', { source: ['aws.ec2', 'aws.fargate'] }, ec2Event, true],
    ['refuses an event that lacks a pattern field', { detail: { colour: ['red'] } }, ec2Event, false],
    ['compares strings case-sensitively', { source: ['AWS.EC2'] }, ec2Event, false],
    ['compares field names case-sensitively', { Source: ['aws.ec2'] }, ec2Event, false],
    ['matches an empty string', { detail: { eventVersion: [''] } }, autoscalingEvent, true],
    ['matches null', { detail: { responseElements: [null] } }, autoscalingEvent, true],
    ['keeps null apart from the empty string', { detail: { eventVersion: [null] } }, autoscalingEvent, false],
    ['keeps the empty string apart from null', { detail: { responseElements: [''] } }, autoscalingEvent, false],
    ['matches true', { detail: { paid: [true] } }, withDetail({ paid: true }), true],
    ['keeps the string "true" apart from true', { detail: { paid: ['true'] } }, withDetail({ paid: true }), false],
    ['uses the last of two equal keys', JSON.parse('{"source": ["nope"], "source": ["aws.ec2"]}') as Json, ec2Event, true],
    ['joins nested names with dots', { detail: { 'state.status': ['running'] } }, withDetail({ state: { status: 'running' } }), true],
    ['does not parse a detail that is a string', { detail: { key: ['v'] } }, { ...ec2Event, detail: '{"key": "v"}' }, false],
  ]);
});

describe('numbers', () => {
  check([
    ['matches an equal integer', { detail: { 'risk-score': [80] } }, withDetail({ 'risk-score': 80 }), true],
    ['compares numbers numerically: 300 matches 3.0e2', { detail: { n: [3.0e2] } }, withDetail({ n: 300 }), true],
    ['compares numbers numerically: 300 matches 300.0', JSON.parse('{"detail": {"n": [300.0]}}') as Json, withDetail({ n: 300 }), true],
    ['keeps a number apart from its string', { detail: { n: [300] } }, withDetail({ n: '300' }), false],
    ['keeps a string apart from the number', { detail: { n: ['300'] } }, withDetail({ n: 300 }), false],
  ]);
});

describe('arrays', () => {
  const employees = { employees: [{ firstName: 'John', lastName: 'Doe' }, { firstName: 'Anna', lastName: 'Smith' }, { firstName: 'Peter', lastName: 'Jones' }] };
  check([
    ['matches when the event array and pattern list intersect', { resources: ['arn:x', 'arn:aws:ec2:us-west-1:123456789012:instance/i-1234567890abcdef0'] }, ec2Event, true],
    ['refuses when they do not intersect', { resources: ['arn:x', 'arn:y'] }, ec2Event, false],
    ['looks through an array of objects', { employees: { firstName: ['Anna'] } }, employees, true],
    ['takes matched fields from one element of an array', { employees: { firstName: ['Anna'], lastName: ['Smith'] } }, employees, true],
    ['refuses fields matched in different elements of an array', { employees: { firstName: ['Anna'], lastName: ['Jones'] } }, employees, false],
    ['looks through nested arrays', { a: ['x'] }, { a: [['y'], ['x']] }, true],
    ['finds no value in an empty array', { resources: [null] }, autoscalingEvent, false],
  ]);
});

describe('prefix, suffix, equals-ignore-case and wildcard', () => {
  check([
    ['matches a prefix', { time: [{ prefix: '2017-12-22' }] }, ec2Event, true],
    ['refuses another prefix', { time: [{ prefix: '2017-10-02' }] }, ec2Event, false],
    ['matches a prefix on strings only', { detail: { n: [{ prefix: '1' }] } }, withDetail({ n: 12 }), false],
    ['matches a prefix ignoring case', { detail: { service: [{ prefix: { 'equals-ignore-case': 'EventB' } }] } }, withDetail({ service: 'eventbridge' }), true],
    ['matches a suffix', { detail: { FileName: [{ suffix: '.png' }] } }, withDetail({ FileName: 'image.png' }), true],
    ['refuses another suffix', { detail: { FileName: [{ suffix: '.png' }] } }, withDetail({ FileName: 'image.PNG' }), false],
    ['matches a suffix ignoring case', { detail: { FileName: [{ suffix: { 'equals-ignore-case': '.png' } }] } }, withDetail({ FileName: 'IMAGE.PNG' }), true],
    ['matches equals-ignore-case', { detail: { Name: [{ 'equals-ignore-case': 'alice' }] } }, withDetail({ Name: 'ALICE' }), true],
    ['refuses a longer string for equals-ignore-case', { detail: { Name: [{ 'equals-ignore-case': 'alice' }] } }, withDetail({ Name: 'Alicia' }), false],
    ['matches an empty string ignoring case', { detail: { v: [{ 'equals-ignore-case': '' }] } }, withDetail({ v: '' }), true],
    ['matches a wildcard', { detail: { FileName: [{ wildcard: 'dir/*.png' }] } }, withDetail({ FileName: 'dir/a/b.png' }), true],
    ['refuses a value outside the wildcard', { detail: { FileName: [{ wildcard: 'dir/*.png' }] } }, withDetail({ FileName: 'other/b.png' }), false],
    ['matches a literal asterisk escaped in a wildcard', { detail: { v: [{ wildcard: 'a\\*b' }] } }, withDetail({ v: 'a*b' }), true],
    ['does not expand an escaped asterisk', { detail: { v: [{ wildcard: 'a\\*b' }] } }, withDetail({ v: 'axb' }), false],
    ['matches a literal backslash escaped in a wildcard', { detail: { v: [{ wildcard: 'a\\\\b' }] } }, withDetail({ v: 'a\\b' }), true],
    ['matches the empty string with a lone wildcard', { detail: { v: [{ wildcard: '*' }] } }, withDetail({ v: '' }), true],
    ['matches a repeated path after a wildcard', { f: [{ wildcard: '/Users/*/dir/dir/doc.txt' }] }, { f: '/Users/me/dir/dir/doc.txt' }, true],
  ]);
});

describe('anything-but', () => {
  check([
    ['matches a different string', { detail: { state: [{ 'anything-but': 'initializing' }] } }, withDetail({ state: 'running' }), true],
    ['refuses the excluded string', { detail: { state: [{ 'anything-but': 'initializing' }] } }, withDetail({ state: 'initializing' }), false],
    ['matches null', { detail: { state: [{ 'anything-but': 'initializing' }] } }, withDetail({ state: null }), true],
    ['matches a value of another type', { detail: { state: [{ 'anything-but': 'initializing' }] } }, withDetail({ state: 12 }), true],
    ['refuses a missing field', { detail: { state: [{ 'anything-but': 'initializing' }] } }, withDetail({}), false],
    ['refuses an excluded number written differently', { detail: { 'x-limit': [{ 'anything-but': 123 }] } }, withDetail({ 'x-limit': 123.0 }), false],
    ['matches another number', { detail: { 'x-limit': [{ 'anything-but': 0 }] } }, withDetail({ 'x-limit': 789 }), true],
    ['refuses a string in the excluded list', { detail: { state: [{ 'anything-but': ['stopped', 'overloaded'] }] } }, withDetail({ state: 'stopped' }), false],
    ['refuses a number in the excluded list', { detail: { 'x-limit': [{ 'anything-but': [100, 200, 300] }] } }, withDetail({ 'x-limit': 200 }), false],
    ['matches a number outside the excluded list', { detail: { 'x-limit': [{ 'anything-but': [100, 200, 300] }] } }, withDetail({ 'x-limit': 301.8 }), true],
    ['refuses an excluded prefix', { detail: { state: [{ 'anything-but': { prefix: 'init' } }] } }, withDetail({ state: 'initializing' }), false],
    ['matches a number against an excluded prefix', { detail: { state: [{ 'anything-but': { prefix: 'init' } }] } }, withDetail({ state: 12 }), true],
    ['refuses any of a list of excluded prefixes', { region: [{ 'anything-but': { prefix: ['us-', 'eu-'] } }] }, { region: 'eu-west-1' }, false],
    ['refuses an excluded suffix', { FileName: [{ 'anything-but': { suffix: '.png' } }] }, { FileName: 'a.png' }, false],
    ['matches another suffix', { FileName: [{ 'anything-but': { suffix: '.png' } }] }, { FileName: 'a.txt' }, true],
    ['refuses an excluded value in any case', { state: [{ 'anything-but': { 'equals-ignore-case': 'initializing' } }] }, { state: 'INITIALIZING' }, false],
    ['refuses any of excluded values in any case', { state: [{ 'anything-but': { 'equals-ignore-case': ['a', 'b'] } }] }, { state: 'B' }, false],
    ['refuses a value inside an excluded wildcard', { FilePath: [{ 'anything-but': { wildcard: '*/lib/*' } }] }, { FilePath: '/usr/lib/x' }, false],
    ['matches a value outside excluded wildcards', { FilePath: [{ 'anything-but': { wildcard: ['*/lib/*', '*/bin/*'] } }] }, { FilePath: '/usr/src/x' }, true],
    ['matches an array with one allowed element', { tags: [{ 'anything-but': 'a' }] }, { tags: ['a', 'b'] }, true],
    ['refuses an array of only excluded elements', { tags: [{ 'anything-but': 'a' }] }, { tags: ['a'] }, false],
  ]);
});

describe('numeric', () => {
  const range = { detail: { 'c-count': [{ numeric: ['>', 0, '<=', 5] }] } };
  check([
    ['matches inside a range', range, withDetail({ 'c-count': 5 }), true],
    ['refuses the open end of a range', range, withDetail({ 'c-count': 0 }), false],
    ['refuses above a range', range, withDetail({ 'c-count': 6 }), false],
    ['matches below an upper bound', { d: [{ numeric: ['<', 10] }] }, { d: 9.99 }, true],
    ['refuses an open upper bound', { d: [{ numeric: ['<', 10] }] }, { d: 10 }, false],
    ['matches an inclusive upper bound', { d: [{ numeric: ['<=', 10] }] }, { d: 10 }, true],
    ['matches an inclusive lower bound', { d: [{ numeric: ['>=', 10] }] }, { d: 10 }, true],
    ['matches numeric equality in exponent form', { x: [{ numeric: ['=', 3.018e2] }] }, { x: 301.8 }, true],
    ['matches a float against an integer bound', { n: [{ numeric: ['>', 100] }] }, { n: 101.0 }, true],
    ['matches negative ranges', { n: [{ numeric: ['>', -10, '<', -5] }] }, { n: -7 }, true],
    ['refuses a numeric string', { n: [{ numeric: ['>', 0] }] }, { n: '5' }, false],
    ['refuses null', { n: [{ numeric: ['>', 0] }] }, { n: null }, false],
    ['refuses a number beyond the comparable range', { n: [{ numeric: ['>', 0] }] }, { n: 6e9 }, false],
  ]);
});

describe('cidr', () => {
  check([
    ['matches an IPv4 address in the block', { ip: [{ cidr: '10.0.0.0/24' }] }, { ip: '10.0.0.255' }, true],
    ['refuses an IPv4 address outside the block', { ip: [{ cidr: '10.0.0.0/24' }] }, { ip: '10.0.1.1' }, false],
    ['matches an IPv6 address in the block', { ip: [{ cidr: '2001:db8::/64' }] }, { ip: '2001:db8::1' }, true],
    ['refuses an IPv6 address outside the block', { ip: [{ cidr: '2001:db8::/64' }] }, { ip: '2001:db8:0:1::1' }, false],
    ['refuses an address of the other family', { ip: [{ cidr: '10.0.0.0/8' }] }, { ip: '::ffff:10.0.0.1' }, false],
    ['refuses a value that is not an address', { ip: [{ cidr: '10.0.0.0/8' }] }, { ip: 'ten' }, false],
    ['refuses a number', { ip: [{ cidr: '10.0.0.0/8' }] }, { ip: 123 }, false],
  ]);
});

describe('exists', () => {
  check([
    ['matches a present leaf', { detail: { state: [{ exists: true }] } }, ec2Event, true],
    ['matches a null leaf', { detail: { responseElements: [{ exists: true }] } }, autoscalingEvent, true],
    ['refuses a missing field', { detail: { 'c-count': [{ exists: true }] } }, ec2Event, false],
    ['refuses an intermediate node', { detail: [{ exists: true }] }, ec2Event, false],
    ['refuses an empty array', { resources: [{ exists: true }] }, autoscalingEvent, false],
    ['matches absence', { detail: { 'c-count': [{ exists: false }] } }, ec2Event, true],
    ['refuses presence', { detail: { state: [{ exists: false }] } }, ec2Event, false],
    ['treats an intermediate node as absent', { detail: { 'c-count': [{ exists: false }] } }, withDetail({ 'c-count': { c1: 100 } }), true],
    ['finds a field in one element of an array', { automations: { id: [{ exists: true }] } }, { automations: [{ k: 'v' }, { id: 'x' }] }, true],
    ['matches absence or another condition', { h: { S: [{ 'anything-but': ['roses'] }, { exists: false }] } }, { p: { N: '1' } }, true],
  ]);
});

describe('$or', () => {
  const cloudwatch: Json = { source: ['aws.cloudwatch'], $or: [{ metricName: ['CPUUtilization'] }, { namespace: ['AWS/EC2'] }] };
  const nested: Json = {
    source: ['aws.cloudwatch'],
    $or: [{ metricName: ['CPU'] }, { metricType: ['MetricType'], $or: [{ metricId: [1234] }, { spaceId: [1000] }] }],
  };
  check([
    ['matches the first branch', cloudwatch, { source: 'aws.cloudwatch', metricName: 'CPUUtilization' }, true],
    ['matches the second branch', cloudwatch, { source: 'aws.cloudwatch', namespace: 'AWS/EC2' }, true],
    ['keeps the fields outside $or required', cloudwatch, { source: 'aws.ec2', namespace: 'AWS/EC2' }, false],
    ['refuses when no branch matches', cloudwatch, { source: 'aws.cloudwatch', namespace: 'AWS/ES' }, false],
    ['matches a nested $or', nested, { source: 'aws.cloudwatch', metricType: 'MetricType', spaceId: 1000 }, true],
    ['refuses a nested $or with its sibling missing', nested, { source: 'aws.cloudwatch', spaceId: 1000 }, false],
    ['matches $or inside a nested object', { detail: { $or: [{ a: [1] }, { b: [{ exists: false }] }] } }, withDetail({ c: 1 }), true],
  ]);
});

describe('the documentation\'s complex example', () => {
  const pattern = {
    time: [{ prefix: '2017-10-02' }],
    detail: {
      state: [{ 'anything-but': 'initializing' }],
      'c-count': [{ numeric: ['>', 0, '<=', 5] }],
      'd-count': [{ numeric: ['<', 10] }],
      'x-limit': [{ 'anything-but': [100, 200, 300] }],
    },
  };
  const event = { ...ec2Event, time: '2017-10-02T16:24:49Z', detail: { state: 'running', 'c-count': 5, 'd-count': 3, 'x-limit': 301.8 } };
  check([
    ['matches when every field matches', pattern, event, true],
    ['refuses when one field does not', pattern, { ...event, detail: { ...event.detail, 'x-limit': 300 } }, false],
  ]);
});
