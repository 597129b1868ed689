import { Logger } from '@aws-lambda-powertools/logger';
import { withCorrelation } from '@shop/events';
import { afterEach, describe, expect, it } from 'vitest';
import { CorrelatedLogFormatter } from './correlated-log-formatter';
import { captureLogs, type CapturedLogs } from './testing';

let logs: CapturedLogs;
afterEach(() => logs?.restore());

describe('CorrelatedLogFormatter', () => {
  const logger = new Logger({ serviceName: 'formatter-test', logFormatter: new CorrelatedLogFormatter() });

  it('adds the current correlation and causation ids to each line', () => {
    logs = captureLogs();

    withCorrelation({ correlationId: 'corr-1', causationId: 'cause-1' }, () => logger.info('inside'));

    logs.restore();
    expect(logs.lines()).toEqual([
      expect.objectContaining({
        level: 'INFO',
        message: 'inside',
        service: 'formatter-test',
        correlation_id: 'corr-1',
        causation_id: 'cause-1',
      }),
    ]);
  });

  it('leaves the ids out of lines written outside any correlation context', () => {
    logs = captureLogs();

    logger.info('outside');

    logs.restore();
    expect(logs.lines()[0]).not.toHaveProperty('correlation_id');
    expect(logs.lines()[0]).toMatchObject({ level: 'INFO', message: 'outside' });
  });

  it('keeps the attributes passed with the line', () => {
    logs = captureLogs();

    withCorrelation({ correlationId: 'corr-2' }, () => logger.warn('with extras', { orderId: 'ord_1' }));

    logs.restore();
    expect(logs.lines()[0]).toMatchObject({ level: 'WARN', correlation_id: 'corr-2', orderId: 'ord_1' });
  });
});
