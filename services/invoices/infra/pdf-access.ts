import { Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as s3 from 'aws-cdk-lib/aws-s3';

/** Where each kind of PDF lives in the bucket (the handlers' `pdfKeyOf`). */
export const PDF_PREFIXES = { invoices: 'invoices/', creditNotes: 'credit-notes/' } as const;

/** cdk-nag's name for a resource in a finding: the resolved ARN, each reference written as its JSON. */
function nagResourceName(resolved: unknown): string {
  const join = (resolved as { 'Fn::Join'?: [string, unknown[]] })['Fn::Join'];
  if (join === undefined) return typeof resolved === 'string' ? resolved : JSON.stringify(resolved);
  return join[1].map((part) => (typeof part === 'string' ? part : JSON.stringify(part))).join(join[0]);
}

/**
 * Grants one S3 object action on the keys under one prefix of the PDF bucket: the consumer of confirmations
 * writes invoices only, the consumer of cancellations credit notes only, the API reads invoices only.
 *
 * Keys hold the document's number, known only at run time, so the grant is a prefix wildcard, and cdk-nag's
 * IAM5 is acknowledged for exactly that resource. cdk-nag names the finding with the ARN as synthesized, and
 * a bucket from the stateful stack is a cross-stack reference only resolved at synthesis: the acknowledgment
 * is made then (a construct validation runs after references are resolved, before the checks).
 *
 * @example
 * grantPdfAccess(bucket, getInvoice, 's3:GetObject', PDF_PREFIXES.invoices);
 */
export function grantPdfAccess(
  bucket: s3.IBucket,
  grantee: lambda.IFunction,
  action: 's3:GetObject' | 's3:PutObject',
  prefix: string,
): iam.Grant {
  const resource = bucket.arnForObjects(`${prefix}*`);
  const grant = iam.Grant.addToPrincipal({ grantee, actions: [action], resourceArns: [resource] });
  grantee.node.addValidation({
    validate: () => {
      const cfnPolicy = grantee.role?.node.tryFindChild('DefaultPolicy')?.node.defaultChild;
      if (cfnPolicy === undefined) return [`No default policy found for ${grantee.node.path}`];
      Validations.of(cfnPolicy).acknowledge({
        id: `AwsSolutions::AwsSolutions-IAM5[Resource::${nagResourceName(Stack.of(cfnPolicy).resolve(resource))}]`,
        reason:
          `${action} on the ${prefix} keys of the PDF bucket only: each key holds a document number known at run ` +
          'time, so a prefix is the narrowest resource that names them.',
      });
      return [];
    },
  });
  return grant;
}
