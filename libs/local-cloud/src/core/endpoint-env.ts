/**
 * The `AWS_ENDPOINT_URL_<SERVICE>` suffixes of the SDK clients that sign with each signing name
 * (the suffix is the SDK's service id in upper snake case: Step Functions is SFN, EventBridge EVENTBRIDGE).
 */
const SUFFIXES: Readonly<Record<string, readonly string[]>> = {
  lambda: ['LAMBDA'],
  dynamodb: ['DYNAMODB', 'DYNAMODB_STREAMS'],
  events: ['EVENTBRIDGE'],
  sqs: ['SQS'],
  states: ['SFN'],
  apigateway: ['API_GATEWAY', 'APIGATEWAYV2'],
  'execute-api': ['API_GATEWAY_MANAGEMENT_API'],
  'cognito-idp': ['COGNITO_IDENTITY_PROVIDER'],
  s3: ['S3'],
  ssm: ['SSM'],
  appconfig: ['APPCONFIG', 'APPCONFIGDATA'],
  logs: ['CLOUDWATCH_LOGS'],
  sns: ['SNS'],
  pipes: ['PIPES'],
  scheduler: ['SCHEDULER'],
};

/**
 * The environment that points AWS SDK v3 clients and the AWS CLI (2.13+) at the local cloud for the given
 * signing names, or for every service the table knows when none are given.
 *
 * @example
 * endpointEnvironment('http://127.0.0.1:4566', ['dynamodb']);
 * // { AWS_ENDPOINT_URL_DYNAMODB: 'http://127.0.0.1:4566', AWS_ENDPOINT_URL_DYNAMODB_STREAMS: '...' }
 */
export function endpointEnvironment(url: string, signingNames?: readonly string[]): Record<string, string> {
  const names = signingNames ?? Object.keys(SUFFIXES);
  const env: Record<string, string> = {};
  for (const name of names) {
    for (const suffix of SUFFIXES[name] ?? [name.toUpperCase().replace(/[^A-Z0-9]/g, '_')]) env[`AWS_ENDPOINT_URL_${suffix}`] = url;
  }
  return env;
}

/** Credentials the local cloud accepts (it checks no signature); SDK clients still need some to sign. */
export const LOCAL_CREDENTIALS = Object.freeze({
  AWS_ACCESS_KEY_ID: 'AKIALOCALCLOUD000000',
  AWS_SECRET_ACCESS_KEY: 'local-cloud-secret-access-key',
  AWS_SESSION_TOKEN: 'local-cloud-session-token',
});
