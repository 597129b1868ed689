import { acknowledgments, awsSolutionsFindings } from '@shop/cdk-constructs/testing';
import { Validations } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { productsStage } from './testing/products-fixture';
import { SYNTH_TIMEOUT_MS } from './testing/synth-timeout';

/**
 * The fixture's user pool and API stand in for the ones the root infra builds (and checks); only the products
 * constructs are under test here, so the fixture's own findings are acknowledged as such.
 */
function acknowledgeFixture(stage: ReturnType<typeof productsStage>) {
  const reason = 'Test fixture standing in for the root infra’s resource, which the root infra tests check.';
  for (const id of ['AwsSolutions-COG1', 'AwsSolutions-COG2', 'AwsSolutions-COG8']) {
    Validations.of(stage.userPool).acknowledge({ id: `AwsSolutions::${id}`, reason });
  }
  const defaultStage = stage.httpApi.node.findChild('DefaultStage');
  Validations.of(defaultStage).acknowledge({ id: 'AwsSolutions::AwsSolutions-APIG1', reason });
}

describe('Products constructs under cdk-nag', { timeout: SYNTH_TIMEOUT_MS }, () => {
  it('pass the AWS Solutions checks, with the seed and without', () => {
    for (const seedCatalog of [true, false]) {
      const stage = productsStage({ seedCatalog, withAlarmTopic: true });
      acknowledgeFixture(stage);

      const findings = awsSolutionsFindings(stage.app, stage.stage);

      expect(findings, `seedCatalog: ${seedCatalog}`).toEqual([]);
    }
  });

  it('acknowledge only DLQs without DLQs, the X-Ray wildcard, public GET routes and the images bucket’s logs', () => {
    const stage = productsStage({ seedCatalog: true });

    const found = [...acknowledgments(stage.service), ...acknowledgments(stage.data)];

    const byRule = Object.groupBy(found, (a) => a.id);
    expect(Object.keys(byRule).sort()).toEqual([
      'AwsSolutions::AwsSolutions-APIG4',
      'AwsSolutions::AwsSolutions-IAM5[Resource::*]',
      'AwsSolutions::AwsSolutions-S1',
      'AwsSolutions::AwsSolutions-SQS3',
    ]);
    expect(byRule['AwsSolutions::AwsSolutions-APIG4']?.map((a) => a.path).sort()).toEqual([
      'Test/Stateless/Products/GetProductRoute/Resource',
      'Test/Stateless/Products/ListProductsRoute/Resource',
    ]);
    expect(byRule['AwsSolutions::AwsSolutions-SQS3']?.every((a) => /Dead|Failures/.test(a.path))).toBe(true);
    expect(byRule['AwsSolutions::AwsSolutions-IAM5[Resource::*]']?.every((a) => a.path.endsWith('Role/Resource'))).toBe(
      true,
    );
    for (const { reason } of found) expect(reason.length).toBeGreaterThan(40);
  });
});
