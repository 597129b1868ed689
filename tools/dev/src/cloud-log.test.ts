import { describe, expect, it } from 'vitest';
import { formatCloudLine, makeCloudLogSink } from './cloud-log';

describe('formatCloudLine', () => {
  it('puts the level, service and message first and the other fields after, without the time', () => {
    const line = JSON.stringify({
      time: '2026-11-28T10:31:46.417Z',
      level: 'warn',
      msg: 'function error',
      service: 'lambda',
      functionName: 'ShopDev-Stateless-OrdersProductChanged',
      errorMessage: 'Task timed out after 10.00 seconds',
      attempt: 2,
    });

    expect(formatCloudLine(line)).toBe(
      '  local cloud: warn lambda: function error (functionName=ShopDev-Stateless-OrdersProductChanged, errorMessage=Task timed out after 10.00 seconds, attempt=2)',
    );
  });

  it('keeps a line that is not JSON as it is', () => {
    expect(formatCloudLine('plain words')).toBe('  local cloud: plain words');
  });
});

describe('makeCloudLogSink', () => {
  it('prints the same kind of line the 1st, 10th and 100th time only, with its count', () => {
    const printed: string[] = [];
    const sink = makeCloudLogSink((line) => printed.push(line));
    const timeout = (requestId: number) =>
      JSON.stringify({ time: `t${requestId}`, level: 'warn', msg: 'function error', service: 'lambda', functionName: 'F', requestId, errorMessage: 'Task timed out' });

    for (let request = 1; request <= 100; request++) sink(timeout(request));
    sink(JSON.stringify({ level: 'warn', msg: 'another', service: 'sqs' }));

    expect(printed).toEqual([
      '  local cloud: warn lambda: function error (functionName=F, requestId=1, errorMessage=Task timed out)',
      '  local cloud: warn lambda: function error (functionName=F, requestId=10, errorMessage=Task timed out) [seen 10 times]',
      '  local cloud: warn lambda: function error (functionName=F, requestId=100, errorMessage=Task timed out) [seen 100 times]',
      '  local cloud: warn sqs: another',
    ]);
  });
});
