import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { SQSClient } from '@aws-sdk/client-sqs';

/** The real AWS SDK clients the suite drives the shop with. */
export interface ShopClients {
  readonly events: EventBridgeClient;
  readonly sqs: SQSClient;
  readonly cognito: CognitoIdentityProviderClient;
  destroy(): void;
}

/**
 * New clients configured from the environment only: `AWS_ENDPOINT_URL_*`, region and credentials point them at
 * the local cloud, or nothing but the region (and the default credential chain) at a deployed stage.
 *
 * @example
 * const clients = makeClients(); try { ... } finally { clients.destroy(); }
 */
export function makeClients(): ShopClients {
  const events = new EventBridgeClient({});
  const sqs = new SQSClient({});
  const cognito = new CognitoIdentityProviderClient({});
  return {
    events,
    sqs,
    cognito,
    destroy: () => [events, sqs, cognito].forEach((client) => client.destroy()),
  };
}
