import { Annotations, Stack, Validations } from 'aws-cdk-lib';
import type { Nextjs } from 'cdk-nextjs-standalone';
import type { IConstruct } from 'constructs';
import { acknowledgeWildcardGrants } from '../pipeline/pipeline-acknowledgments';
import { acknowledgeDistributionFindings } from './distribution-acknowledgments';

export const NEXTJS_ACKNOWLEDGMENT_REASONS = {
  wildcards:
    'Granted by cdk-nextjs-standalone with no option to narrow them: the server reads and writes the ISR cache ' +
    '(`_cache/` of its static-assets bucket: s3:GetObject*, s3:List*, s3:DeleteObject*, s3:Abort*, `<bucket>/*`), ' +
    'the image optimizer reads that bucket, the bucket deployments read the CDK asset bucket (`<assets>/*`), the ' +
    'revalidation table grants cover its indexes (`/index/*`) and the custom-resource provider invokes versions ' +
    'of its function (`:*`). Our own grants (the payment key secret, the flags profile) name single resources.',
  basicExecutionRole:
    "The construct's functions (server, image optimizer, revalidation, bucket deployments, invalidation custom " +
    'resource) get roles it creates with AWSLambdaBasicExecutionRole for their logs; it offers no role to pass.',
  staticAccessLogs:
    "The static-assets bucket holds the build's JS, CSS and public files, written only by deployments and read " +
    'only by CloudFront and the server; CloudTrail records its API calls. Access logs would have nothing to audit.',
  staticOriginOai:
    'cdk-nextjs-standalone reaches its static-assets bucket through the legacy origin access identity ' +
    '(S3Origin), not OAC: the bucket is still private (public access blocked, read only by that identity). ' +
    'The images CDN, which we build, uses OAC.',
  waf:
    'No WAF web ACL yet: CloudFront-scoped ACLs live in us-east-1 (a cross-region stack) and cost per stage; ' +
    'the API behind the storefront has throttling and a JWT authorizer. Add one with the custom domain (ADR 0026).',
} as const;

const BASIC_EXECUTION_ROLE =
  'IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]';
/** AwsCustomResource's singleton function, created in the stack by the construct's CloudFront invalidation. */
const AWS_CUSTOM_RESOURCE_SINGLETON = 'AWS679f53fac002430cb0da5b7982bd2287';

/**
 * Acknowledges, with reasons, the cdk-nag findings that cdk-nextjs-standalone's resources raise and that its API
 * gives no way to fix. Only the construct's subtree (and the custom-resource singleton it adds) is covered.
 *
 * @example
 * acknowledgeNextjsFindings(nextjs);
 */
export function acknowledgeNextjsFindings(nextjs: Nextjs): void {
  const reasons = NEXTJS_ACKNOWLEDGMENT_REASONS;
  acknowledgeWildcardGrants(nextjs, reasons.wildcards);
  acknowledge(nextjs, BASIC_EXECUTION_ROLE, reasons.basicExecutionRole);
  const singleton = Stack.of(nextjs).node.tryFindChild(AWS_CUSTOM_RESOURCE_SINGLETON);
  if (singleton) acknowledge(singleton, BASIC_EXECUTION_ROLE, reasons.basicExecutionRole);
  acknowledge(nextjs.staticAssets.bucket, 'S1', reasons.staticAccessLogs);
  const distribution = nextjs.distribution.distribution;
  acknowledgeDistributionFindings(distribution, 'the storefront');
  acknowledge(distribution, 'CFR7', reasons.staticOriginOai);
  acknowledge(distribution, 'CFR2', reasons.waf);
  // CDK warnings (not cdk-nag), about choices the construct makes, so `cdk synth` prints only what is ours to fix.
  Annotations.of(nextjs).acknowledgeWarning(
    '@aws-cdk/aws-lambda:codeFromBucketObjectVersionNotSpecified',
    'The construct copies the server code to a new key on every deploy, so the key alone names one version.',
  );
  Annotations.of(distribution).acknowledgeWarning(
    '@aws-cdk/aws-cloudfront:minimumProtocolVersionWithoutCertificate',
    'No certificate until the stage has a domain (see CFR4 above and ADR 0026).',
  );
}

function acknowledge(construct: IConstruct, rule: string, reason: string): void {
  Validations.of(construct).acknowledge({ id: `AwsSolutions::AwsSolutions-${rule}`, reason });
}
