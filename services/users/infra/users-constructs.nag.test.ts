import { acknowledgments, awsSolutionsFindings } from '@shop/cdk-constructs/testing';
import { Validations } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { usersStage } from './testing/users-fixture';
import { SYNTH_TIMEOUT_MS } from './testing/synth-timeout';

describe('Users constructs under cdk-nag', { timeout: SYNTH_TIMEOUT_MS }, () => {
  it('pass the AWS Solutions checks', () => {
    const stage = usersStage({ withAlarmTopic: true });
    // The fixture's API stands in for infra's ShopHttpApi, whose access logs the root infra tests check.
    const reason = 'Test fixture standing in for the root infra’s HTTP API, which the root infra tests check.';
    Validations.of(stage.httpApi.node.findChild('DefaultStage')).acknowledge({
      id: 'AwsSolutions::AwsSolutions-APIG1',
      reason,
    });

    const findings = awsSolutionsFindings(stage.app, stage.stage);

    expect(findings).toEqual([]);
  });

  it('acknowledge only optional MFA, the Essentials plan and the X-Ray wildcard, each with a reason', () => {
    const stage = usersStage();

    const found = [
      ...acknowledgments(stage.identity),
      ...acknowledgments(stage.service),
      ...acknowledgments(stage.data),
    ];

    expect([...new Set(found.map((a) => a.id))].sort()).toEqual([
      'AwsSolutions::AwsSolutions-COG2',
      'AwsSolutions::AwsSolutions-COG8',
      'AwsSolutions::AwsSolutions-IAM5[Resource::*]',
    ]);
    for (const { reason } of found) expect(reason.length).toBeGreaterThan(40);
  });
});
