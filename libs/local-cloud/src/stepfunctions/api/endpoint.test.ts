import {
  CreateStateMachineCommand,
  DescribeStateMachineCommand,
  ExecutionAlreadyExists,
  ExecutionDoesNotExist,
  GetExecutionHistoryCommand,
  InvalidDefinition,
  InvalidToken,
  ListExecutionsCommand,
  ListStateMachinesCommand,
  SendTaskFailureCommand,
  SendTaskSuccessCommand,
  StartExecutionCommand,
  StartSyncExecutionCommand,
  StateMachineTypeNotSupported,
  StopExecutionCommand,
  TaskDoesNotExist,
  TaskTimedOut,
  DescribeExecutionCommand,
} from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExecutionObservation } from '../engine/engine';
import { fakeLambda, startLocalStates, type LocalStates } from '../testing';

const ROLE = 'arn:aws:iam::123456789012:role/api';
const WAITING = { StartAt: 'Hold', States: { Hold: { Type: 'Wait', Seconds: 3600, End: true } } };
const QUICK = { StartAt: 'Done', States: { Done: { Type: 'Pass', Parameters: { 'echo.$': '$' }, End: true } } };
const observed: ExecutionObservation[] = [];
let states: LocalStates;

beforeAll(async () => {
  states = await startLocalStates({ lambda: fakeLambda({}), timeScale: 1, observer: (o) => observed.push(o) });
});

afterAll(() => states.close());

async function machine(name: string, definition: object, type?: 'EXPRESS'): Promise<string> {
  const out = await states.client.send(new CreateStateMachineCommand({ name, definition: JSON.stringify(definition), roleArn: ROLE, type }));
  return out.stateMachineArn!;
}

describe('StartExecution', () => {
  it('returns the running execution again for the same name and input, and refuses another input', async () => {
    const stateMachineArn = await machine('Idempotent', WAITING);
    const start = (input: string) => states.client.send(new StartExecutionCommand({ stateMachineArn, name: 'order-1', input }));

    const first = await start('{"a":1}');
    const again = await start('{"a":1}');
    const other = start('{"a":2}');

    expect(again).toMatchObject({ executionArn: first.executionArn, startDate: first.startDate });
    await expect(other).rejects.toBeInstanceOf(ExecutionAlreadyExists);
  });

  it('refuses a name already used by a closed execution', async () => {
    const stateMachineArn = await machine('Closed', QUICK);
    const { executionArn } = await states.client.send(new StartExecutionCommand({ stateMachineArn, name: 'once', input: '{}' }));
    await states.engine.execution(executionArn!).done;

    const again = states.client.send(new StartExecutionCommand({ stateMachineArn, name: 'once', input: '{}' }));

    await expect(again).rejects.toBeInstanceOf(ExecutionAlreadyExists);
  });
});

describe('executions', () => {
  it('stops a running execution and records ExecutionAborted', async () => {
    const stateMachineArn = await machine('Stoppable', WAITING);
    const { executionArn } = await states.client.send(new StartExecutionCommand({ stateMachineArn, input: '{}' }));

    await states.client.send(new StopExecutionCommand({ executionArn, error: 'Ops.Stop', cause: 'manual' }));
    const described = await states.client.send(new DescribeExecutionCommand({ executionArn }));
    const history = await states.client.send(new GetExecutionHistoryCommand({ executionArn, reverseOrder: true, maxResults: 1 }));

    expect(described).toMatchObject({ status: 'ABORTED', error: 'Ops.Stop', cause: 'manual' });
    expect(history.events?.[0]).toMatchObject({ type: 'ExecutionAborted', executionAbortedEventDetails: { error: 'Ops.Stop', cause: 'manual' } });
  });

  it('pages the history with maxResults and nextToken, linking each event to the previous one', async () => {
    const stateMachineArn = await machine('Paged', QUICK);
    const { executionArn } = await states.client.send(new StartExecutionCommand({ stateMachineArn, input: '{"x":1}' }));
    await states.engine.execution(executionArn!).done;

    const first = await states.client.send(new GetExecutionHistoryCommand({ executionArn, maxResults: 2 }));
    const rest = await states.client.send(new GetExecutionHistoryCommand({ executionArn, maxResults: 10, nextToken: first.nextToken }));

    const events = [...first.events!, ...rest.events!];
    expect(events.map((e) => [e.id, e.previousEventId, e.type])).toEqual([
      [1, 0, 'ExecutionStarted'],
      [2, 1, 'PassStateEntered'],
      [3, 2, 'PassStateExited'],
      [4, 3, 'ExecutionSucceeded'],
    ]);
    expect(events[0]?.timestamp).toBeInstanceOf(Date);
    expect(events[3]?.executionSucceededEventDetails?.output).toBe('{"echo":{"x":1}}');
  });

  it('lists executions by status', async () => {
    const stateMachineArn = await machine('Listed', WAITING);
    await states.client.send(new StartExecutionCommand({ stateMachineArn, name: 'running' }));
    const { executionArn } = await states.client.send(new StartExecutionCommand({ stateMachineArn, name: 'stopped' }));
    await states.client.send(new StopExecutionCommand({ executionArn }));

    const running = await states.client.send(new ListExecutionsCommand({ stateMachineArn, statusFilter: 'RUNNING' }));

    expect(running.executions?.map((e) => e.name)).toEqual(['running']);
  });

  it('runs an Express state machine synchronously and refuses StartSyncExecution on Standard', async () => {
    const express = await machine('Sync', QUICK, 'EXPRESS');
    const standard = await machine('NotSync', QUICK);

    const out = await states.client.send(new StartSyncExecutionCommand({ stateMachineArn: express, input: '{"y":2}' }));
    const refused = states.client.send(new StartSyncExecutionCommand({ stateMachineArn: standard, input: '{}' }));

    expect(out).toMatchObject({ status: 'SUCCEEDED', output: '{"echo":{"y":2}}' });
    expect(out.executionArn).toContain(':express:Sync:');
    await expect(refused).rejects.toBeInstanceOf(StateMachineTypeNotSupported);
  });

  it('answers ExecutionDoesNotExist for an unknown execution', async () => {
    const call = states.client.send(new DescribeExecutionCommand({ executionArn: 'arn:aws:states:us-east-1:123456789012:execution:Nope:nope' }));

    await expect(call).rejects.toBeInstanceOf(ExecutionDoesNotExist);
  });

  it('tells the observer each event with the correlation id the input carries', async () => {
    const stateMachineArn = await machine('Observed', QUICK);
    const { executionArn } = await states.client.send(new StartExecutionCommand({ stateMachineArn, input: JSON.stringify({ metadata: { correlation_id: 'corr-9' } }) }));
    await states.engine.execution(executionArn!).done;

    const seen = observed.filter((o) => o.executionArn === executionArn);

    expect(seen.map((o) => o.event.type)).toEqual(['ExecutionStarted', 'PassStateEntered', 'PassStateExited', 'ExecutionSucceeded']);
    expect(new Set(seen.map((o) => o.correlationId))).toEqual(new Set(['corr-9']));
  });
});

describe('task tokens', () => {
  it.each([
    ['a malformed token', 'nonsense', InvalidToken],
    ['an unknown token', `AQB${'A'.repeat(64)}`, TaskDoesNotExist],
  ])('SendTaskSuccess refuses %s', async (_title, taskToken, exception) => {
    const call = states.client.send(new SendTaskSuccessCommand({ taskToken, output: '{}' }));

    await expect(call).rejects.toBeInstanceOf(exception);
  });

  it('refuses a token whose task has closed with TaskTimedOut', async () => {
    const token = states.engine.tokens.issue();
    await states.client.send(new SendTaskFailureCommand({ taskToken: token, error: 'E', cause: 'c' }));

    const late = states.client.send(new SendTaskSuccessCommand({ taskToken: token, output: '{}' }));

    await expect(late).rejects.toBeInstanceOf(TaskTimedOut);
  });
});

describe('state machines', () => {
  it('describes and lists created state machines', async () => {
    const stateMachineArn = await machine('Described', QUICK);

    const described = await states.client.send(new DescribeStateMachineCommand({ stateMachineArn }));
    const listed = await states.client.send(new ListStateMachinesCommand({}));

    expect(described).toMatchObject({ name: 'Described', type: 'STANDARD', status: 'ACTIVE', definition: JSON.stringify(QUICK) });
    expect(listed.stateMachines?.map((m) => m.name)).toContain('Described');
  });

  it.each([
    ['JSONata', { QueryLanguage: 'JSONata', StartAt: 'A', States: { A: { Type: 'Pass', End: true } } }],
    ['variables', { StartAt: 'A', States: { A: { Type: 'Pass', Assign: { x: 1 }, End: true } } }],
    ['a Distributed Map', { StartAt: 'M', States: { M: { Type: 'Map', ItemReader: { Resource: 'arn:aws:states:::s3:getObject' }, ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED' }, StartAt: 'X', States: { X: { Type: 'Succeed' } } }, End: true } } }],
    ['an activity', { StartAt: 'T', States: { T: { Type: 'Task', Resource: 'arn:aws:states:us-east-1:123456789012:activity:a', End: true } } }],
    ['a missing transition target', { StartAt: 'A', States: { A: { Type: 'Pass', Next: 'Nowhere' } } }],
  ])('refuses a definition with %s as InvalidDefinition', async (_title, definition) => {
    const call = machine(`Refused${Math.random().toString(36).slice(2, 8)}`, definition);

    await expect(call).rejects.toBeInstanceOf(InvalidDefinition);
  });
});
