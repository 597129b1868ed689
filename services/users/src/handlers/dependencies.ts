import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { EventPublisher } from '@shop/events';
import { tracer } from '@shop/lambda-kit';
import { DynamoProfileRepository } from '../adapters/dynamodb-profile-repository';
import { EventBridgeUserEvents } from '../adapters/eventbridge-user-events';
import { eventBusName, stageName, tableName } from '../config';
import { makeAnnounceProfile } from '../use-cases/announce-profile';
import { makeEnsureProfile } from '../use-cases/ensure-profile';

// Made once per execution environment, at cold start, and shared by every invocation.
const doc = DynamoDBDocumentClient.from(tracer.captureAWSv3Client(new DynamoDBClient({})), {
  marshallOptions: { removeUndefinedValues: true },
});

export const clock = () => new Date();
export const profiles = new DynamoProfileRepository({ doc, tableName: tableName() });
export const userEvents = new EventBridgeUserEvents(
  new EventPublisher({
    client: tracer.captureAWSv3Client(new EventBridgeClient({})),
    eventBusName: eventBusName(),
    service: 'users',
    environment: stageName(),
  }),
);
export const ensureProfile = makeEnsureProfile({ profiles, clock });
export const announce = makeAnnounceProfile({ profiles, events: userEvents });
