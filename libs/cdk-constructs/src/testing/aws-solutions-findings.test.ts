import { App, Stack, Stage, Validations } from 'aws-cdk-lib';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { describe, expect, it } from 'vitest';
import { awsSolutionsFindings } from './aws-solutions-findings';

function anAppWithAQueue(props: sqs.QueueProps) {
  const app = new App();
  const stage = new Stage(app, 'Dev');
  const queue = new sqs.Queue(new Stack(stage, 'Stateful'), 'Queue', props);
  return { app, stage, queue };
}

describe('awsSolutionsFindings', () => {
  it('reports each unacknowledged finding with its rule and construct path', () => {
    const { app, stage } = anAppWithAQueue({});

    const findings = awsSolutionsFindings(app, stage);

    expect(findings.map((f) => `${f.rule} ${f.severity} ${f.path}`).sort()).toEqual([
      'AwsSolutions-SQS3 error Dev/Stateful/Queue/Resource',
      'AwsSolutions-SQS4 error Dev/Stateful/Queue/Resource',
    ]);
  });

  it('leaves out acknowledged findings', () => {
    const { app, stage, queue } = anAppWithAQueue({ enforceSSL: true });
    Validations.of(queue).acknowledge({ id: 'AwsSolutions-SQS3', reason: 'Test: the DLQ itself.' });

    const findings = awsSolutionsFindings(app, stage);

    expect(findings).toEqual([]);
  });
});
