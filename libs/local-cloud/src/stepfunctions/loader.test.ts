import { describe, expect, it } from 'vitest';
import type { JsonObject, ResolvedResource } from '../core/contracts';
import { StepFunctionsEngine } from './engine/engine';
import { definitionOf, loadStateMachine, StateMachineLoadError } from './loader';
import { fakeLambda } from './testing';

const ARN = 'arn:aws:states:us-east-1:123456789012:stateMachine:Shop-Orders-Checkout-AbC123';

function resource(properties: JsonObject): ResolvedResource {
  return { stackName: 'Shop-Orders', logicalId: 'Checkout', type: 'AWS::StepFunctions::StateMachine', ref: ARN, arn: ARN, physicalName: 'Shop-Orders-Checkout-AbC123', attributes: { Arn: ARN }, properties };
}

const engine = () => StepFunctionsEngine.create({ region: 'us-east-1', accountId: '123456789012', endpointUrl: 'http://127.0.0.1:9', lambda: fakeLambda({}) });

describe('loading resolved state machine resources', () => {
  it('applies DefinitionSubstitutions to a DefinitionString', () => {
    const props = { DefinitionString: '{"StartAt":"A","States":{"A":{"Type":"Pass","Result":"${Table}","End":true}}}', DefinitionSubstitutions: { Table: 'orders' } };

    expect(JSON.parse(definitionOf(props))).toMatchObject({ States: { A: { Result: 'orders' } } });
  });

  it('applies DefinitionSubstitutions inside a Definition object', () => {
    const props = { Definition: { StartAt: 'A', States: { A: { Type: 'Pass', Result: '${Quote}', End: true } } }, DefinitionSubstitutions: { Quote: 'say "hi"' } };

    expect(JSON.parse(definitionOf(props))).toMatchObject({ States: { A: { Result: 'say "hi"' } } });
  });

  it('registers the state machine under the ARN and type the template gave it', async () => {
    const sfn = await engine();

    const record = loadStateMachine(sfn, resource({ DefinitionString: '{"StartAt":"A","States":{"A":{"Type":"Succeed"}}}', StateMachineType: 'EXPRESS', RoleArn: 'arn:aws:iam::123456789012:role/r' }));

    expect(record).toMatchObject({ arn: ARN, name: 'Shop-Orders-Checkout-AbC123', type: 'EXPRESS' });
    expect(sfn.stateMachine(`${ARN}:live`).arn).toBe(ARN);
  });

  it('refuses what it cannot run, naming the resource and the feature', async () => {
    const sfn = await engine();
    const jsonata = resource({ DefinitionString: '{"QueryLanguage":"JSONata","StartAt":"A","States":{"A":{"Type":"Pass","End":true}}}' });

    expect(() => loadStateMachine(sfn, jsonata)).toThrow(StateMachineLoadError);
    expect(() => loadStateMachine(sfn, jsonata)).toThrow(/Shop-Orders\/Checkout.*QueryLanguage JSONata/);
  });

  it('refuses callback tasks in an Express state machine', async () => {
    const sfn = await engine();
    const definition = { StartAt: 'T', States: { T: { Type: 'Task', Resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken', Parameters: { QueueUrl: 'q', 'MessageBody.$': '$$.Task.Token' }, End: true } } };

    const load = () => loadStateMachine(sfn, resource({ Definition: definition, StateMachineType: 'EXPRESS' }));

    expect(load).toThrow(/Express state machines do not support/);
  });
});
