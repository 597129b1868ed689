import { describe, expect, it } from 'vitest';
import { readAnswer } from './response';

const answer = (body: unknown) => readAnswer(Buffer.from(typeof body === 'string' ? body : JSON.stringify(body)));
const request = { StackId: 'arn:aws:cloudformation:us-east-1:000000000000:stack/Stack/id', RequestId: 'r-1', LogicalResourceId: 'Seed' };

describe('readAnswer', () => {
  it('reads a SUCCESS with its PhysicalResourceId, Data and NoEcho', () => {
    const read = answer({ ...request, Status: 'SUCCESS', PhysicalResourceId: 'seed-1', Data: { Greeting: 'hi', Count: 2 }, NoEcho: true });

    expect(read).toEqual({ status: 'SUCCESS', physicalResourceId: 'seed-1', data: { Greeting: 'hi', Count: 2 }, noEcho: true });
  });

  it('reads a FAILED with its Reason, in the words of a CloudFormation stack event', () => {
    const read = answer({ ...request, Status: 'FAILED', Reason: 'the table is missing', PhysicalResourceId: 'Seed' });

    expect(read).toEqual({ status: 'FAILED', reason: 'Received response status [FAILED] from custom resource. Message returned: the table is missing' });
  });

  it('fails a SUCCESS that leaves out required fields, naming them', () => {
    const read = answer({ Status: 'SUCCESS', StackId: request.StackId, LogicalResourceId: 'Seed' });

    expect(read).toEqual({ status: 'FAILED', reason: 'Invalid response object: The following required properties are missing: [/PhysicalResourceId, /RequestId]' });
  });

  it('fails a response over the 4096 bytes CloudFormation accepts', () => {
    const read = answer({ ...request, Status: 'SUCCESS', PhysicalResourceId: 'seed-1', Data: { Blob: 'x'.repeat(4096) } });

    expect(read).toMatchObject({ status: 'FAILED', reason: expect.stringMatching(/^Invalid response object: the body is \d+ bytes, over CloudFormation's 4096$/) });
  });

  it('fails a body that is not a JSON object, and a Status other than SUCCESS or FAILED', () => {
    const reads = [answer('SUCCESS'), answer({ ...request, Status: 'OK', PhysicalResourceId: 'seed-1' })];

    expect(reads).toEqual([
      { status: 'FAILED', reason: 'Invalid response object: the body is not a JSON object' },
      { status: 'FAILED', reason: 'Invalid response object: Status must be SUCCESS or FAILED, got "OK"' },
    ]);
  });
});
