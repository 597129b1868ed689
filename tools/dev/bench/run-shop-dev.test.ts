import { describe, expect, it } from 'vitest';
import { stepTimes } from './run-shop-dev';

describe('stepTimes', () => {
  it('reads each finished step and its time from the progress lines', () => {
    const progress = [
      '[1/5] synthesize the CDK app (infra/, dev stage) ...',
      '[1/5] synthesize the CDK app (infra/, dev stage): done in 1 min 12 s',
      '[2/5] start the local cloud: done in 21.4 s (http://127.0.0.1:4566, 11 AWS services)',
      '  local cloud: warn lambda: function error (functionName=F)',
    ].join('\n');

    expect(stepTimes(progress)).toEqual([
      ['synthesize the CDK app (infra/, dev stage)', '1 min 12 s'],
      ['start the local cloud', '21.4 s'],
    ]);
  });
});
