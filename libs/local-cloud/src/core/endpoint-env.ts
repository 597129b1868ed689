/**
 * The `AWS_ENDPOINT_URL_<SERVICE>` suffixes of the SDK clients that sign with each signing name. The suffix is
 * the client's `serviceId` upper-cased with spaces turned to underscores, as the AWS SDKs and the CLI read it
 * (AWS SDKs and Tools Reference Guide, "Identifiers for service-specific endpoints"): "Secrets Manager" is
 * SECRETS_MANAGER, "Cognito Identity Provider" COGNITO_IDENTITY_PROVIDER, "ApiGatewayManagementApi"
 * APIGATEWAYMANAGEMENTAPI, Step Functions' "SFN" SFN.
 */
const SUFFIXES: Readonly<Record<string, readonly string[]>> = {
  lambda: ['LAMBDA'],
  dynamodb: ['DYNAMODB', 'DYNAMODB_STREAMS'],
  events: ['EVENTBRIDGE'],
  sqs: ['SQS'],
  states: ['SFN'],
  apigateway: ['API_GATEWAY', 'APIGATEWAYV2'],
  'execute-api': ['APIGATEWAYMANAGEMENTAPI'],
  'cognito-idp': ['COGNITO_IDENTITY_PROVIDER'],
  s3: ['S3'],
  ssm: ['SSM'],
  secretsmanager: ['SECRETS_MANAGER'],
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
