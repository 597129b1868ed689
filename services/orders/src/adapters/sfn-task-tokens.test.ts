import {
  InvalidToken,
  SendTaskFailureCommand,
  SendTaskSuccessCommand,
  SFNClient,
  SFNServiceException,
  TaskDoesNotExist,
  TaskTimedOut,
} from '@aws-sdk/client-sfn';
import { captureLogs } from '@shop/lambda-kit/testing';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { SfnTaskTokens } from './sfn-task-tokens';

const sfn = mockClient(SFNClient);
const tokens = new SfnTaskTokens(new SFNClient({ region: 'eu-west-2' }));
const meta = { $metadata: {} };

afterEach(() => sfn.reset());

describe('SfnTaskTokens', () => {
  it('resumes the waiting task with the output as JSON', async () => {
    sfn.on(SendTaskSuccessCommand).resolves({});

    const answer = await tokens.succeed('token-1', { reservationId: 'res_1' });

    expect(answer).toBe('DELIVERED');
    expect(sfn.commandCalls(SendTaskSuccessCommand)[0]?.args[0].input).toEqual({
      taskToken: 'token-1',
      output: '{"reservationId":"res_1"}',
    });
  });

  it('fails the waiting task with the error name and the cause', async () => {
    sfn.on(SendTaskFailureCommand).resolves({});

    const answer = await tokens.fail('token-2', 'Inventory.StockReservationFailed', 'Only 1 left of MUG-ENAMEL-BLU');

    expect(answer).toBe('DELIVERED');
    expect(sfn.commandCalls(SendTaskFailureCommand)[0]?.args[0].input).toEqual({
      taskToken: 'token-2',
      error: 'Inventory.StockReservationFailed',
      cause: 'Only 1 left of MUG-ENAMEL-BLU',
    });
  });

  it.each([
    ['TaskTimedOut', new TaskTimedOut({ message: 'timed out', ...meta })],
    ['InvalidToken', new InvalidToken({ message: 'invalid', ...meta })],
    ['TaskDoesNotExist', new TaskDoesNotExist({ message: 'gone', ...meta })],
  ])('treats %s as done and logs it without the token', async (name, error) => {
    sfn.on(SendTaskSuccessCommand).rejects(error);
    const logs = captureLogs();

    const answer = await tokens.succeed('secret-token-3', {});

    logs.restore();
    expect(answer).toBe('TASK_CLOSED');
    expect(logs.lines()).toContainEqual(expect.objectContaining({ level: 'WARN', reason: name }));
    expect(logs.text()).not.toContain('secret-token-3');
  });

  it('lets any other failure through, so the message is retried', async () => {
    const throttled = new SFNServiceException({ name: 'ThrottlingException', $fault: 'client', ...meta });
    sfn.on(SendTaskFailureCommand).rejects(throttled);

    await expect(tokens.fail('token-4', 'Inventory.StockReservationFailed', 'why')).rejects.toBe(throttled);
  });
});
