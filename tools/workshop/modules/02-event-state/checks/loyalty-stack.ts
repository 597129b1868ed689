import * as events from 'aws-cdk-lib/aws-events';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type { Template } from 'aws-cdk-lib/assertions';
import type { Construct } from 'constructs';
import { exported, importExercise, synthesize } from '../../../src/check-kit';

type LoyaltyDataClass = new (scope: Construct, id: string, props: { retain: boolean }) => Construct & {
  pointsTable: dynamodb.ITableV2;
  idempotencyTable: dynamodb.ITableV2;
};
type LoyaltyServiceClass = new (
  scope: Construct,
  id: string,
  props: { bus: events.IEventBus; pointsTable: dynamodb.ITableV2; idempotencyTable: dynamodb.ITableV2 },
) => Construct;

const INFRA = 'services/loyalty/infra/index.ts';

/** The loyalty service as the exercise builds it, synthesized beside a shop bus in a small test stack. */
export type LoyaltyStack = { readonly template: Template; readonly busId: string };

let synthesized: LoyaltyStack | undefined;

/** Synthesizes LoyaltyData and LoyaltyService once per check file, failing with a hint until they exist. */
export async function loyaltyStack(): Promise<LoyaltyStack> {
  const infra = await importExercise<Record<string, unknown>>(
    INFRA,
    `There is no loyalty service yet: create ${INFRA}, exporting LoyaltyData and LoyaltyService (steps 1 and 4)`,
  );
  const LoyaltyData = exported<LoyaltyDataClass>(infra, 'LoyaltyData', `Export LoyaltyData (the points and idempotency tables) from ${INFRA} (step 4)`);
  const LoyaltyService = exported<LoyaltyServiceClass>(infra, 'LoyaltyService', `Export LoyaltyService (rule, queue, consumer) from ${INFRA} (step 5)`);
  if (synthesized) return synthesized;
  let busId = '';
  const template = synthesize((stack) => {
    const bus = new events.EventBus(stack, 'ShopBus');
    busId = stack.getLogicalId(bus.node.defaultChild as events.CfnEventBus);
    const data = new LoyaltyData(stack, 'LoyaltyData', { retain: false });
    new LoyaltyService(stack, 'Loyalty', { bus, pointsTable: data.pointsTable, idempotencyTable: data.idempotencyTable });
  });
  synthesized = { template, busId };
  return synthesized;
}
