import type { ResolvedResource } from '../core/contracts';

/**
 * Whether CloudFormation treats this type as a custom resource: `AWS::CloudFormation::CustomResource` or any
 * `Custom::<Name>`. Its `Ref` and `Fn::GetAtt` values are the provider's response, known only once it has run.
 *
 * @example
 * isCustomResourceType('Custom::Seed'); // true
 */
export function isCustomResourceType(type: string): boolean {
  return type === 'AWS::CloudFormation::CustomResource' || type.startsWith('Custom::');
}

/** What a custom resource's `ServiceToken` names. */
export type ServiceToken =
  | { readonly kind: 'lambda'; readonly functionArn: string }
  | { readonly kind: 'sns'; readonly topicArn: string }
  | { readonly kind: 'other'; readonly token: string };

/**
 * Reads a custom resource's `ServiceToken`: a Lambda function of the template (its ARN, or a version's or
 * alias's ARN under it), an SNS topic, or anything else (a function another template deploys, a missing token).
 *
 * @example
 * serviceTokenOf(seed, cloud.resources); // { kind: 'lambda', functionArn: 'arn:aws:lambda:...:function:Stack-SeedFn-AbC' }
 */
export function serviceTokenOf(resource: ResolvedResource, all: readonly ResolvedResource[]): ServiceToken {
  const token = resource.properties.ServiceToken;
  if (typeof token !== 'string') return { kind: 'other', token: JSON.stringify(token ?? null) };
  if (token.startsWith('arn:aws:sns:')) return { kind: 'sns', topicArn: token };
  const ofTemplate = all.some(
    (r) =>
      r.type === 'AWS::Lambda::Function' && r.arn !== undefined && (token === r.arn || token.startsWith(`${r.arn}:`)),
  );
  return ofTemplate ? { kind: 'lambda', functionArn: token } : { kind: 'other', token };
}

/**
 * Why a custom resource no plug-in runs is unsupported, from its `ServiceToken`.
 *
 * @example
 * unrunCustomResourceReason(notify, all); // 'an SNS-backed custom resource: only Lambda-backed ones are run locally'
 */
export function unrunCustomResourceReason(resource: ResolvedResource, all: readonly ResolvedResource[]): string {
  const token = serviceTokenOf(resource, all);
  if (token.kind === 'sns')
    return 'an SNS-backed custom resource: only Lambda-backed ones are run locally (nothing answers for it)';
  if (token.kind === 'other')
    return `its ServiceToken (${token.token}) is not a Lambda function of the template: it is not run locally`;
  return 'no local service runs custom resources (add the cloudformation plug-in)';
}
