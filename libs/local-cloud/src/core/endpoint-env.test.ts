import { AppConfigDataClient } from '@aws-sdk/client-appconfigdata';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { S3Client } from '@aws-sdk/client-s3';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SFNClient } from '@aws-sdk/client-sfn';
import { SQSClient } from '@aws-sdk/client-sqs';
import { SSMClient } from '@aws-sdk/client-ssm';
import { describe, expect, it } from 'vitest';
import { endpointEnvironment } from './endpoint-env';

const ENDPOINT = 'http://127.0.0.1:4566';

/** The variable an SDK v3 client reads: its service id upper-cased, spaces to underscores (@smithy/core). */
const variableOf = (client: { config: { serviceId: string } }): string => `AWS_ENDPOINT_URL_${client.config.serviceId.toUpperCase().replace(/ /g, '_')}`;

const clientsBySigningName = [
  ['lambda', new LambdaClient({ region: 'us-east-1' })],
  ['dynamodb', new DynamoDBClient({ region: 'us-east-1' })],
  ['dynamodb', new DynamoDBStreamsClient({ region: 'us-east-1' })],
  ['events', new EventBridgeClient({ region: 'us-east-1' })],
  ['sqs', new SQSClient({ region: 'us-east-1' })],
  ['states', new SFNClient({ region: 'us-east-1' })],
  ['s3', new S3Client({ region: 'us-east-1' })],
  ['ssm', new SSMClient({ region: 'us-east-1' })],
  ['secretsmanager', new SecretsManagerClient({ region: 'us-east-1' })],
  ['cognito-idp', new CognitoIdentityProviderClient({ region: 'us-east-1' })],
  ['appconfig', new AppConfigDataClient({ region: 'us-east-1' })],
] as const;

describe('endpointEnvironment', () => {
  it.each(clientsBySigningName)("names the variable the %s service's SDK client reads", (signingName, client) => {
    const env = endpointEnvironment(ENDPOINT, [signingName]);

    expect(env[variableOf(client)]).toBe(ENDPOINT);
  });

  it('sets Secrets Manager as AWS_ENDPOINT_URL_SECRETS_MANAGER and API Gateway as the documented identifiers', () => {
    const env = endpointEnvironment(ENDPOINT, ['secretsmanager', 'apigateway', 'execute-api']);

    expect(Object.keys(env).sort()).toEqual([
      'AWS_ENDPOINT_URL_APIGATEWAYMANAGEMENTAPI',
      'AWS_ENDPOINT_URL_APIGATEWAYV2',
      'AWS_ENDPOINT_URL_API_GATEWAY',
      'AWS_ENDPOINT_URL_SECRETS_MANAGER',
    ]);
  });
});
