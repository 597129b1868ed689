import { Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/**
 * Acknowledges the cdk-nag findings every Shop CloudFront distribution raises until the stage has a domain of
 * its own, each with why. `what` names what the distribution serves, for the reasons.
 *
 * @example
 * acknowledgeDistributionFindings(distribution, 'product images');
 */
export function acknowledgeDistributionFindings(distribution: IConstruct, what: string): void {
  const reasons: Record<string, string> = {
    // Geo restriction: who may buy is decided by the shop (shipping addresses), not by where a request comes from.
    CFR1:
      `The shop serves ${what} to customers wherever they are: which countries it ships to is a checkout rule, ` +
      'so CloudFront geo restriction would only block travelling customers.',
    CFR3:
      `Standard logs of ${what} would need a log bucket with ACLs enabled per stage; CloudFront's request, ` +
      'error-rate and cache metrics in CloudWatch answer the operational questions, and the API has its own logs.',
    CFR4:
      'Uses the default *.cloudfront.net certificate, with which CloudFront negotiates TLSv1 as its minimum and ' +
      'no minimum can be set; a stage with its own domain sets a certificate and TLSv1.2_2021 (ADR 0026).',
  };
  for (const [rule, reason] of Object.entries(reasons)) {
    Validations.of(distribution).acknowledge({ id: `AwsSolutions::AwsSolutions-${rule}`, reason });
  }
}
