import { describe, expect, it } from 'vitest';
import { targetInput, type TransformContext } from './input-transform';
import type { EventEnvelope, Target } from './types';

// The EC2 event of the user guide's input transformation page.
const event: EventEnvelope = {
  version: '0',
  id: '7bf73129-1428-4cd3-a780-95db273d1602',
  'detail-type': 'EC2 Instance State-change Notification',
  source: 'aws.ec2',
  account: '123456789012',
  time: '2015-11-11T21:29:54Z',
  region: 'us-east-1',
  resources: ['arn:aws:ec2:us-east-1:123456789012:instance/i-abcd1111'],
  detail: { 'instance-id': 'i-0123456789', state: 'RUNNING', tags: ['a', 'b'] },
};
const context: TransformContext = {
  event,
  ruleName: 'example',
  ruleArn: 'arn:aws:events:us-east-2:123456789012:rule/example',
  ingestionTime: '2015-11-11T21:29:55Z',
};
const inputPathsMap = { timestamp: '$.time', instance: '$.detail.instance-id', state: '$.detail.state', detail: '$.detail' };
const transform = (InputTemplate: string, paths: Record<string, string> = inputPathsMap): string =>
  targetInput({ Id: 't', Arn: 'arn', InputTransformer: { InputPathsMap: paths, InputTemplate } }, context);

describe('targetInput', () => {
  it('sends the whole event when the target shapes nothing', () => {
    const input = targetInput({ Id: 't', Arn: 'arn' }, context);

    expect(JSON.parse(input)).toEqual(event);
  });

  it('sends a constant Input as it is', () => {
    const input = targetInput({ Id: 't', Arn: 'arn', Input: '{"fixed": true}' }, context);

    expect(input).toBe('{"fixed": true}');
  });

  it('sends the part of the event at InputPath', () => {
    const input = targetInput({ Id: 't', Arn: 'arn', InputPath: '$.detail.tags[1]' } as Target, context);

    expect(input).toBe('"b"');
  });

  it.each([
    ['a simple string', '"instance <instance> is in <state>"', '"instance i-0123456789 is in RUNNING"'],
    ['a string with escaped quotes', '"instance \\"<instance>\\" is in <state>"', '"instance \\"i-0123456789\\" is in RUNNING"'],
    ['simple JSON', '{"instance" : <instance>, "state": <state>}', '{"instance" : "i-0123456789", "state": "RUNNING"}'],
    [
      'JSON with strings and variables',
      '{"instance" : <instance>, "state": "<state>", "instanceStatus": "instance \\"<instance>\\" is in <state>"}',
      '{"instance" : "i-0123456789", "state": "RUNNING", "instanceStatus": "instance \\"i-0123456789\\" is in RUNNING"}',
    ],
    ['JSON mixing variables and constants', '{"instance" : <instance>, "state": [ 9, <state>, true ]}', '{"instance" : "i-0123456789", "state": [ 9, "RUNNING", true ]}'],
    ['reserved variables in JSON', '{"ruleArn" : <aws.events.rule-arn>, "ruleName" : <aws.events.rule-name>}', '{"ruleArn" : "arn:aws:events:us-east-2:123456789012:rule/example", "ruleName" : "example"}'],
    ['a reserved variable in a string', '"<aws.events.rule-name> triggered"', '"example triggered"'],
    ['the ingestion time', '{"at": <aws.events.event.ingestion-time>}', '{"at": "2015-11-11T21:29:55Z"}'],
    ['an object variable as a JSON value', '{"detail": <detail>}', '{"detail": {"instance-id":"i-0123456789","state":"RUNNING","tags":["a","b"]}}'],
    ['an object variable inside a string, losing its quotes', '"Detail is <detail>"', '"Detail is {instance-id:i-0123456789,state:RUNNING,tags:[a,b]}"'],
    ['a variable whose path is missing', '{"missing": <gone>, "text": "[<gone>]"}', '{"missing": null, "text": "[]"}'],
    ['angle brackets that name no variable', '"<b>bold</b> <state>"', '"<b>bold</b> RUNNING"'],
  ])('fills %s', (_description, template, expected) => {
    const input = transform(template, { ...inputPathsMap, gone: '$.detail.nothing' });

    expect(input).toBe(expected);
  });

  it('gives the original event without its detail as <aws.events.event>', () => {
    const input = transform('{"original": <aws.events.event>}');

    expect(JSON.parse(input)).toEqual({ original: { ...event, detail: undefined } });
  });

  it('gives the full original event as <aws.events.event.json>', () => {
    const input = transform('{"original": <aws.events.event.json>}');

    expect(JSON.parse(input)).toEqual({ original: event });
  });

  it('keeps the predefined variables when InputPathsMap reuses their names', () => {
    const input = transform('<aws.events.rule-name>', { 'aws.events.rule-name': '$.source' });

    expect(input).toBe('"example"');
  });
});
