import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { SFNClient } from '@aws-sdk/client-sfn';
import { SQSClient } from '@aws-sdk/client-sqs';
import { LOCAL_CREDENTIALS } from '../../core/endpoint-env';

/** The AWS SDK clients a direct service integration calls, by region (the `Region` request parameter). */
export interface ServiceClients {
  stepFunctions(region?: string): SFNClient;
  sqs(region?: string): SQSClient;
  eventBridge(region?: string): EventBridgeClient;
  destroy(): void;
}

/**
 * SDK v3 clients pointed at the local cloud's gateway, as API Gateway calls the services with the
 * integration's role: one client per service and region, made on first use.
 *
 * @example
 * const clients = makeServiceClients('http://127.0.0.1:4566', 'us-east-1');
 * await clients.stepFunctions().send(new StartExecutionCommand({ stateMachineArn }));
 */
export function makeServiceClients(endpointUrl: string, defaultRegion: string): ServiceClients {
  const cache = new Map<string, SFNClient | SQSClient | EventBridgeClient>();
  const config = (region: string) => ({
    endpoint: endpointUrl,
    region,
    credentials: { accessKeyId: LOCAL_CREDENTIALS.AWS_ACCESS_KEY_ID, secretAccessKey: LOCAL_CREDENTIALS.AWS_SECRET_ACCESS_KEY },
    // API Gateway makes one attempt and passes the service's answer on.
    maxAttempts: 1,
  });
  const client = <T extends SFNClient | SQSClient | EventBridgeClient>(service: string, region: string | undefined, make: (r: string) => T): T => {
    const key = `${service}/${region ?? defaultRegion}`;
    const existing = cache.get(key);
    if (existing) return existing as T;
    const made = make(region ?? defaultRegion);
    cache.set(key, made);
    return made;
  };
  return {
    // StartSyncExecution's `sync-` host prefix would turn 127.0.0.1 into a name that does not resolve.
    stepFunctions: (region) => client('states', region, (r) => new SFNClient({ ...config(r), disableHostPrefix: true })),
    sqs: (region) => client('sqs', region, (r) => new SQSClient(config(r))),
    eventBridge: (region) => client('events', region, (r) => new EventBridgeClient(config(r))),
    destroy: () => {
      for (const c of cache.values()) c.destroy();
      cache.clear();
    },
  };
}
