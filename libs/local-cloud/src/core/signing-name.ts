import type { IncomingMessage } from 'node:http';

const SCOPE = /Credential=[^/,\s]+\/\d{8}\/[^/]+\/([^/]+)\/aws4_request/;

/** JSON-protocol services whose unauthenticated operations (Cognito's InitiateAuth, SignUp) carry no signature. */
const TARGET_PREFIXES: Readonly<Record<string, string>> = {
  AWSCognitoIdentityProviderService: 'cognito-idp',
  DynamoDB_20120810: 'dynamodb',
  DynamoDBStreams_20120810: 'dynamodb',
  AWSEvents: 'events',
  AWSStepFunctions: 'states',
  AmazonSQS: 'sqs',
};

/**
 * The SigV4 signing name of a request: the service in the Authorization header's credential scope, or in
 * `X-Amz-Credential` for presigned URLs; for an unsigned JSON-protocol call, the service its X-Amz-Target names.
 *
 * @example
 * signingNameOf(req); // 'dynamodb' for 'AWS4-HMAC-SHA256 Credential=AKIA/20250101/us-east-1/dynamodb/aws4_request, ...'
 */
export function signingNameOf(req: IncomingMessage): string | undefined {
  const authorization = req.headers.authorization;
  const fromHeader = authorization ? SCOPE.exec(authorization)?.[1] : undefined;
  if (fromHeader) return fromHeader;
  const credential = new URL(req.url ?? '/', 'http://local').searchParams.get('X-Amz-Credential');
  const fromQuery = credential?.split('/')[3];
  if (fromQuery) return fromQuery;
  const target = req.headers['x-amz-target'];
  return typeof target === 'string' ? TARGET_PREFIXES[target.split('.')[0] ?? ''] : undefined;
}
