import { describe, expect, it } from 'vitest';
import { definitionOf, workflowDiagram } from './workflow-diagram';

const resource = (definition: Record<string, unknown>) => ({
  Type: 'AWS::StepFunctions::StateMachine',
  Properties: definition,
});

describe('definitionOf', () => {
  it('reads a DefinitionString joined with deploy-time values', () => {
    const joined = {
      DefinitionString: {
        'Fn::Join': [
          '',
          [
            '{"StartAt":"Save","States":{"Save":{"Type":"Task","Resource":"arn:',
            { Ref: 'AWS::Partition' },
            ':states:::dynamodb:putItem","End":true}}}',
          ],
        ],
      },
    };

    const machine = definitionOf(resource(joined));

    expect(machine.States['Save']?.['Resource']).toBe('arn:…:states:::dynamodb:putItem');
  });
});

describe('workflowDiagram', () => {
  it('draws states with their integrations, transitions, choices, catches and the end', () => {
    const machine = {
      StartAt: 'Reserve',
      States: {
        Reserve: {
          Type: 'Task',
          Resource: 'arn:aws:states:::events:putEvents.waitForTaskToken',
          Next: 'Paid?',
          Catch: [{ ErrorEquals: ['States.Timeout'], Next: 'Cancel' }],
        },
        'Paid?': {
          Type: 'Choice',
          Choices: [{ Variable: '$.payment.status', StringEquals: 'AUTHORIZED', Next: 'Done' }],
          Default: 'Cancel',
        },
        Cancel: { Type: 'Pass', End: true },
        Done: { Type: 'Succeed' },
      },
    };

    const diagram = workflowDiagram(machine);

    expect(diagram.split('\n')).toEqual([
      'flowchart TD',
      '  start((start)) --> Reserve',
      '  Reserve["Reserve<br/><i>events:putEvents.waitForTaskToken</i>"]',
      '  Reserve --> Paid_',
      '  Reserve -. "States.Timeout" .-> Cancel',
      '  Paid_{"Paid?"}',
      `  Paid_ -- "payment.status = 'AUTHORIZED'" --> Done`,
      '  Paid_ -- otherwise --> Cancel',
      '  Cancel["Cancel<br/><i>Pass</i>"]',
      '  Cancel --> top_done((end))',
      '  Done(["Done"])',
    ]);
  });

  it('draws a Map state as a subgraph of its own states', () => {
    const machine = {
      StartAt: 'EachLine',
      States: {
        EachLine: {
          Type: 'Map',
          ItemProcessor: { StartAt: 'Price', States: { Price: { Type: 'Pass', End: true } } },
          End: true,
        },
      },
    };

    const diagram = workflowDiagram(machine);

    expect(diagram).toContain('subgraph EachLine["EachLine (Map)"]');
    expect(diagram).toContain('EachLine_in((" ")) --> EachLine_0_Price');
  });
});
