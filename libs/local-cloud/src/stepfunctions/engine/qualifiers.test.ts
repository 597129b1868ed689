import {
  CreateStateMachineCommand,
  DescribeExecutionCommand,
  ListExecutionsCommand,
  StartExecutionCommand,
  StartSyncExecutionCommand,
  StateMachineDoesNotExist,
} from '@aws-sdk/client-sfn';
import { afterEach, describe, expect, it } from 'vitest';
import type { ResolvedResource } from '../../core/contracts';
import { loadQualifier, loadStateMachine } from '../loader';
import { fakeLambda, startLocalStates, type LocalStates } from '../testing';
import { StateMachineQualifiers } from './qualifiers';

const ROLE = 'arn:aws:iam::123456789012:role/workflow';
const DEFINITION = JSON.stringify({ StartAt: 'Done', States: { Done: { Type: 'Pass', End: true } } });
let states: LocalStates | undefined;

afterEach(async () => {
  await states?.close();
  states = undefined;
});

/** A state machine with version 1 published behind the `live` alias, as StateMachineCanary deploys it. */
async function machineBehindAlias(type: 'STANDARD' | 'EXPRESS' = 'STANDARD') {
  states = await startLocalStates({ lambda: fakeLambda({}) });
  const { stateMachineArn } = await states.client.send(
    new CreateStateMachineCommand({ name: `Checkout${type}`, definition: DEFINITION, roleArn: ROLE, type }),
  );
  const machineArn = stateMachineArn!;
  states.engine.publishVersion(`${machineArn}:1`);
  states.engine.createAlias(`${machineArn}:live`, [{ versionArn: `${machineArn}:1`, weight: 100 }]);
  return { client: states.client, engine: states.engine, machineArn, versionArn: `${machineArn}:1`, aliasArn: `${machineArn}:live` };
}

describe('starting executions through a state machine alias', () => {
  it('runs the version the alias routes to, and DescribeExecution says which alias and version', async () => {
    const { client, engine, machineArn, versionArn, aliasArn } = await machineBehindAlias();

    const { executionArn } = await client.send(new StartExecutionCommand({ stateMachineArn: aliasArn, name: 'order-1' }));
    await engine.execution(executionArn!).done;
    const described = await client.send(new DescribeExecutionCommand({ executionArn }));

    expect(executionArn).toBe(`${machineArn.replace(':stateMachine:', ':execution:')}:order-1`);
    expect(described).toMatchObject({
      status: 'SUCCEEDED',
      stateMachineArn: machineArn,
      stateMachineVersionArn: versionArn,
      stateMachineAliasArn: aliasArn,
    });
  });

  it('associates an execution started with the unqualified ARN with no version and no alias', async () => {
    const { client, machineArn } = await machineBehindAlias();

    const { executionArn } = await client.send(new StartExecutionCommand({ stateMachineArn: machineArn }));
    const described = await client.send(new DescribeExecutionCommand({ executionArn }));

    expect(described.stateMachineVersionArn).toBeUndefined();
    expect(described.stateMachineAliasArn).toBeUndefined();
  });

  it('lists under the alias only the executions started through it, under the machine all of them', async () => {
    const { client, machineArn, versionArn, aliasArn } = await machineBehindAlias();
    await client.send(new StartExecutionCommand({ stateMachineArn: aliasArn, name: 'through-alias' }));
    await client.send(new StartExecutionCommand({ stateMachineArn: versionArn, name: 'through-version' }));
    await client.send(new StartExecutionCommand({ stateMachineArn: machineArn, name: 'unqualified' }));

    const names = async (arn: string) =>
      ((await client.send(new ListExecutionsCommand({ stateMachineArn: arn }))).executions ?? []).map((e) => e.name);

    expect(await names(aliasArn)).toEqual(['through-alias']);
    expect((await names(versionArn)).sort()).toEqual(['through-alias', 'through-version']);
    expect((await names(machineArn)).sort()).toEqual(['through-alias', 'through-version', 'unqualified']);
  });

  it('refuses an alias or a version that was never created', async () => {
    const { client, machineArn } = await machineBehindAlias();

    const start = (arn: string) => client.send(new StartExecutionCommand({ stateMachineArn: arn }));

    await expect(start(`${machineArn}:beta`)).rejects.toBeInstanceOf(StateMachineDoesNotExist);
    await expect(start(`${machineArn}:7`)).rejects.toBeInstanceOf(StateMachineDoesNotExist);
  });

  it('runs an Express execution to its end through an alias with StartSyncExecution', async () => {
    const { client, aliasArn, versionArn } = await machineBehindAlias('EXPRESS');

    const result = await client.send(new StartSyncExecutionCommand({ stateMachineArn: aliasArn, input: '{"a":1}' }));

    expect(result).toMatchObject({ status: 'SUCCEEDED', output: '{"a":1}' });
    expect(states!.engine.listExecutions(aliasArn).map((e) => e.versionArn)).toEqual([versionArn]);
  });
});

describe('an alias routing to two versions', () => {
  it('sends each execution to one of them by weight', () => {
    const machine = 'arn:aws:states:us-east-1:123456789012:stateMachine:Checkout';
    const rolls = [0.05, 0.5, 0.95];
    const qualifiers = new StateMachineQualifiers(() => rolls.shift() ?? 0);
    qualifiers.publishVersion(`${machine}:1`);
    qualifiers.publishVersion(`${machine}:2`);
    qualifiers.createAlias(`${machine}:live`, [
      { versionArn: `${machine}:2`, weight: 10 },
      { versionArn: `${machine}:1`, weight: 90 },
    ]);

    const picked = [1, 2, 3].map(() => qualifiers.resolve(`${machine}:live`).versionArn);

    expect(picked).toEqual([`${machine}:2`, `${machine}:1`, `${machine}:1`]);
  });

  it('refuses weights that do not add up to 100, or a version never published', () => {
    const machine = 'arn:aws:states:us-east-1:123456789012:stateMachine:Checkout';
    const qualifiers = new StateMachineQualifiers();
    qualifiers.publishVersion(`${machine}:1`);

    expect(() => qualifiers.createAlias(`${machine}:live`, [{ versionArn: `${machine}:1`, weight: 50 }])).toThrow(
      /100%/,
    );
    expect(() => qualifiers.createAlias(`${machine}:live`, [{ versionArn: `${machine}:2`, weight: 100 }])).toThrow(
      /not found/,
    );
  });
});

describe('loading a template’s versions and aliases', () => {
  it('starts executions through the alias a StateMachineCanary deployed, on the version it deploys', async () => {
    states = await startLocalStates({ lambda: fakeLambda({}) });
    const machineArn = 'arn:aws:states:us-east-1:123456789012:stateMachine:Shop-Checkout';
    const of = (type: string, logicalId: string, arn: string, properties: ResolvedResource['properties']) =>
      ({ stackName: 'Shop', logicalId, type, ref: arn, arn, physicalName: arn.split(':').pop()!, attributes: { Arn: arn }, properties }) as ResolvedResource;
    loadStateMachine(states.engine, of('AWS::StepFunctions::StateMachine', 'Checkout', machineArn, { DefinitionString: DEFINITION }));
    loadQualifier(states.engine, of('AWS::StepFunctions::StateMachineVersion', 'Version', `${machineArn}:1`, { StateMachineArn: machineArn }));
    loadQualifier(
      states.engine,
      of('AWS::StepFunctions::StateMachineAlias', 'Alias', `${machineArn}:live`, {
        Name: 'live',
        DeploymentPreference: { StateMachineVersionArn: `${machineArn}:1`, Type: 'CANARY', Percentage: 10, Interval: 5 },
      }),
    );

    const { executionArn } = await states.engine.startExecution(`${machineArn}:live`);

    expect(states.engine.execution(executionArn)).toMatchObject({ versionArn: `${machineArn}:1`, aliasArn: `${machineArn}:live` });
  });
});
