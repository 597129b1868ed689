import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { acknowledgments, awsSolutionsFindings } from '@shop/cdk-constructs/testing';
import { describe, expect, it } from 'vitest';
import { storefrontStage } from './storefront-fixture';

const OURS = /^ShopDev\/(Storefront\/|Stateful\/ImagesCdn\/)/;
const prefix = 'AwsSolutions::AwsSolutions-';

interface ValidationReport {
  pluginReports: {
    pluginName: string;
    violations: { ruleName: string; violatingConstructs: { constructPath: string }[] }[];
  }[];
}

// One synthesis of the whole stage (tens of seconds) for every assertion below.
const { app, stage, images, storefront } = storefrontStage();
const findings = awsSolutionsFindings(app, stage);

describe('The storefront and the images CDN under validation', () => {
  it('pass the AWS Solutions checks', () => {
    expect(findings.filter((finding) => OURS.test(finding.path))).toEqual([]);
  });

  it("raise no finding of any other validation plugin (CloudFormation's own checks)", () => {
    const report = JSON.parse(readFileSync(join(app.outdir, 'validation-report.json'), 'utf8')) as ValidationReport;

    const ours = report.pluginReports.flatMap((plugin) =>
      plugin.violations.flatMap((violation) =>
        violation.violatingConstructs
          .filter(({ constructPath }) => OURS.test(constructPath))
          .map(({ constructPath }) => `${plugin.pluginName} ${violation.ruleName} ${constructPath}`),
      ),
    );

    expect(ours).toEqual([]);
  });

  it("acknowledge only the construct's own wildcards and the distributions' findings, each with a reason", () => {
    const acks = [...acknowledgments(storefront), ...acknowledgments(images)].filter(({ id }) => id.startsWith(prefix));

    const rules = new Set(acks.map(({ id }) => id.replace(prefix, '')));
    expect([...rules].filter((rule) => !rule.startsWith('IAM5')).sort()).toEqual([
      'CFR1',
      'CFR2',
      'CFR3',
      'CFR4',
      'CFR7',
      'IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      'S1',
    ]);
    // Every wildcard is one cdk-nextjs-standalone grants; none is on a resource the shop's own grants name.
    expect([...rules].filter((rule) => rule.startsWith('IAM5')).sort()).toEqual([
      'IAM5[Action::s3:Abort*]',
      'IAM5[Action::s3:DeleteObject*]',
      'IAM5[Action::s3:GetBucket*]',
      'IAM5[Action::s3:GetObject*]',
      'IAM5[Action::s3:List*]',
      'IAM5[Resource::<NextjsRevalidationDynamoDBProviderFn055FB86C.Arn>:*]',
      'IAM5[Resource::<NextjsRevalidationTable0CD163FC.Arn>/index/*]',
      'IAM5[Resource::<NextjsStaticAssetsBucket8E085FF8.Arn>/*]',
      'IAM5[Resource::arn:aws:s3:::cdk-hnb659fds-assets-123456789012-eu-west-2/*]',
    ]);
    expect(acks.filter(({ id }) => id.includes('CFR')).every(({ path }) => path.includes('Distribution'))).toBe(true);
    for (const { reason } of acks) expect(reason.length).toBeGreaterThan(40);
  });
});
