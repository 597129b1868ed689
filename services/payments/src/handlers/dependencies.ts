import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { tracer } from '@shop/lambda-kit';
import { DynamoAttemptLog } from '../adapters/dynamodb-attempt-log';
import { DynamoAuthorizationRepository } from '../adapters/dynamodb-authorization-repository';
import { DynamoTokenVault } from '../adapters/dynamodb-token-vault';
import { makeRequestMemory } from '../adapters/request-memory';
import { SecretsManagerApiKey } from '../adapters/secrets-manager-api-key';
import { config } from '../config';

// Built once per execution environment (cold start) and shared by every invocation of a handler.
const dynamodb = tracer.captureAWSv3Client(new DynamoDBClient({}));

export const clock = () => new Date();
export const authorizations = new DynamoAuthorizationRepository(config.authorizationsTable, dynamodb);
export const tokens = new DynamoTokenVault(config.tokensTable, dynamodb);
export const attempts = new DynamoAttemptLog(config.idempotencyTable, dynamodb);
export const requestMemory = makeRequestMemory({ tableName: config.idempotencyTable, client: dynamodb });
export const apiKey = new SecretsManagerApiKey(
  config.apiKeySecretArn,
  tracer.captureAWSv3Client(new SecretsManagerClient({})),
);
export const newAuthorizationId = () => `auth_${randomUUID().replaceAll('-', '')}`;
export const newTokenId = () => `tok_${randomUUID().replaceAll('-', '')}`;
export const waitPastCallerTimeout = () => sleep(config.timeoutCardDelayMs);
