// A tiny handler for the bundling tests: it imports one AWS SDK v3 client, so a test can check that the
// client is bundled (externalModules: []) while clients the code never imports stay out of the bundle.
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';

const client = new EventBridgeClient({});

export const handler = async (): Promise<{ failed: number }> => {
  const out = await client.send(
    new PutEventsCommand({ Entries: [{ Source: 'shop.fixture', DetailType: 'Fixture.Ran', Detail: '{}' }] }),
  );
  return { failed: out.FailedEntryCount ?? 0 };
};
