import { CfnOutput, Duration } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { USERS_EVENT_SOURCE } from '../users-identity';
import { usersStage } from './users-fixture';

/** @internal The stage the local-cloud tests run in. */
export const LOCAL_STAGE = 'Test';

/** @internal How long the short-lived client's tokens last (Cognito's floor is 5 minutes; the local cloud has none). */
export const SHORT_TOKEN_VALIDITY_SECONDS = 5;

/** A client whose tokens expire seconds after they are issued, to see the API refuse an expired token. */
function shortLivedClient(userPool: cognito.UserPool): cognito.UserPoolClient {
  const client = userPool.addClient('ShortLivedClient', { authFlows: { userPassword: true } });
  const cfn = client.node.defaultChild as cognito.CfnUserPoolClient;
  cfn.addPropertyOverride('IdTokenValidity', SHORT_TOKEN_VALIDITY_SECONDS);
  cfn.addPropertyOverride('AccessTokenValidity', SHORT_TOKEN_VALIDITY_SECONDS);
  cfn.addPropertyOverride('TokenValidityUnits', { IdToken: 'seconds', AccessToken: 'seconds', RefreshToken: 'days' });
  return client;
}

/**
 * @internal The users stage, bundled, plus what the tests observe it with: a queue that receives every
 * shop.users event, a client with short-lived tokens, and a second user pool whose tokens the API must refuse.
 * Writes the cloud assembly to `outdir`.
 */
export function synthUsersLocalApp(outdir: string): void {
  let shortLived: cognito.UserPoolClient | undefined;
  const stage = usersStage({
    bundle: true,
    outdir,
    moreApiClients: (userPool) => [(shortLived = shortLivedClient(userPool))],
  });
  const observed = new sqs.Queue(stage.stateless, 'ObservedEvents', { retentionPeriod: Duration.hours(1) });
  new events.Rule(stage.stateless, 'ObserveUsersEvents', {
    eventBus: stage.bus,
    eventPattern: { source: [USERS_EVENT_SOURCE] },
    targets: [new targets.SqsQueue(observed)],
  });
  const otherPool = new cognito.UserPool(stage.stateless, 'OtherPool', {
    selfSignUpEnabled: true,
    signInAliases: { email: true },
    autoVerify: { email: true },
  });
  const otherClient = otherPool.addClient('OtherClient', { authFlows: { userPassword: true } });
  const outputs = {
    ApiUrl: stage.httpApi.apiEndpoint,
    UserPoolId: stage.identity.userPool.userPoolId,
    StorefrontClientId: stage.identity.storefrontClient.userPoolClientId,
    ShortLivedClientId: shortLived?.userPoolClientId ?? '',
    OtherClientId: otherClient.userPoolClientId,
    ObservedEventsQueueUrl: observed.queueUrl,
    UsersTableName: stage.data.table.tableName,
  };
  for (const [name, value] of Object.entries(outputs)) new CfnOutput(stage.stateless, name, { value });
  stage.app.synth();
}
