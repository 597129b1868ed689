import { acknowledgments, awsSolutionsFindings } from '@shop/cdk-constructs/testing';
import { Validations } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { invoicesStage } from './testing/invoices-fixture';
import { SYNTH_TIMEOUT_MS } from './testing/synth-timeout';

/**
 * The fixture's user pool and API stand in for the ones the root infra builds (and checks); only the invoices
 * constructs are under test here, so the fixture's own findings are acknowledged as such.
 */
function acknowledgeFixture(stage: ReturnType<typeof invoicesStage>) {
  const reason = 'Test fixture standing in for the root infra’s resource, which the root infra tests check.';
  for (const id of ['AwsSolutions-COG1', 'AwsSolutions-COG2', 'AwsSolutions-COG8']) {
    Validations.of(stage.userPool).acknowledge({ id: `AwsSolutions::${id}`, reason });
  }
  const defaultStage = stage.httpApi.node.findChild('DefaultStage');
  Validations.of(defaultStage).acknowledge({ id: 'AwsSolutions::AwsSolutions-APIG1', reason });
}

describe('Invoices constructs under cdk-nag', { timeout: SYNTH_TIMEOUT_MS }, () => {
  it('pass the AWS Solutions checks', () => {
    const stage = invoicesStage({ withAlarmTopic: true });
    acknowledgeFixture(stage);

    const findings = awsSolutionsFindings(stage.app, stage.stage);

    expect(findings).toEqual([]);
  });

  it('acknowledge only DLQs without DLQs, the X-Ray wildcard, the PDF prefixes and the bucket’s logs', () => {
    const stage = invoicesStage();
    // The PDF prefixes are acknowledged at synthesis, once the bucket's cross-stack reference is resolved.
    stage.app.synth();

    const found = [...acknowledgments(stage.service), ...acknowledgments(stage.data)];

    const byRule = Object.groupBy(found, (a) =>
      a.id.replace(/\[Resource::.*\/(invoices|credit-notes)\/\*\]$/, '[PDF]'),
    );
    expect(Object.keys(byRule).sort()).toEqual([
      'AwsSolutions::AwsSolutions-IAM5[PDF]',
      'AwsSolutions::AwsSolutions-IAM5[Resource::*]',
      'AwsSolutions::AwsSolutions-S1',
      'AwsSolutions::AwsSolutions-SQS3',
    ]);
    for (const { reason } of found) expect(reason.length).toBeGreaterThan(40);
  });
});
