import { OrderConfirmed } from '@shop/events';
import * as events from 'aws-cdk-lib/aws-events';
import type { Template } from 'aws-cdk-lib/assertions';
import type { Construct } from 'constructs';
import { beforeAll, describe, expect, it } from 'vitest';
import { deliveredInput, exported, importExercise, resourcesOf, sampleEvent, synthesize } from '../../../src/check-kit';
import { definitionIn, runDefinition, type Asl } from './run-definition';

type ConfirmationNoticeClass = new (scope: Construct, id: string, props: { bus: events.IEventBus }) => Construct;
type Target = Parameters<typeof deliveredInput>[0];

const FILE = 'services/orders/infra/confirmation-notice.ts';
const STEP = 'DescribeOrder';
const order = OrderConfirmed.sample.order;

let template: Template | undefined;

async function synthesized(): Promise<Template> {
  const module = await importExercise<Record<string, unknown>>(FILE, `${FILE} is missing: run \`npm run workshop -- start 03-service-full\` first`);
  const Notice = exported<ConfirmationNoticeClass>(module, 'ConfirmationNotice', `Keep exporting ConfirmationNotice from ${FILE}`);
  template ??= synthesize((stack) => new Notice(stack, 'ConfirmationNotice', { bus: new events.EventBus(stack, 'ShopBus') }));
  return template;
}

async function theDefinition(): Promise<Asl> {
  const asl = definitionIn(await synthesized());
  expect(asl, `ConfirmationNotice has no state machine any more: keep its workflow (${FILE})`).toBeDefined();
  return asl as Asl;
}

/** What the workflow receives for the catalog's sample Order.OrderConfirmed: the rule's input, as EventBridge delivers it. */
async function ruleInput(): Promise<unknown> {
  const [, rule] = resourcesOf(await synthesized(), 'AWS::Events::Rule')[0] ?? [];
  const target = (rule?.Properties.Targets as Target[] | undefined)?.[0];
  expect(target, 'The rule on Order.OrderConfirmed is gone: keep it, targeting the state machine').toBeDefined();
  return JSON.parse(deliveredInput(target as Target, sampleEvent(OrderConfirmed)));
}

describe('the confirmation notice is described by Step Functions itself', () => {
  beforeAll(async () => {
    await synthesized().catch(() => undefined);
  });

  it(`describes the order in a Pass state, not a Lambda task (${STEP})`, async () => {
    const state = (await theDefinition()).States[STEP];

    expect(state, `There is no state named ${STEP} any more: keep the name, so the workflow's history reads the same (step 2)`).toBeDefined();
    expect(
      state?.Type,
      `${STEP} is still a ${String(state?.Type)} state that invokes a Lambda function: replace the LambdaInvoke with an sfn.Pass whose parameters use JsonPath.format and JsonPath.arrayLength (step 2)`,
    ).toBe('Pass');
  });

  it('runs no code: no Lambda function left in the construct', async () => {
    const functions = resourcesOf(await synthesized(), 'AWS::Lambda::Function');

    expect(
      functions.map(([id]) => id),
      'ConfirmationNotice still creates a Lambda function: delete the DescribeOrderFunction and its handler, describe-confirmed-order.ts (step 3)',
    ).toEqual([]);
  });

  it('publishes the same notice the Lambda function wrote', async () => {
    const asl = await theDefinition();
    const input = await ruleInput();

    const { calls } = await runDefinition(asl, input, ({ state }) => {
      if (state === STEP) throw new Error(`${STEP} is still a Lambda task (step 2)`);
      return { MessageId: 'msg-1' };
    }).catch((error: Error) => ({ calls: [], error }));

    const published = calls.find((call) => call.state === 'SendNotice')?.input;
    expect(published, `The workflow did not reach SendNotice: ${STEP} must put { subject, message } at $.notice (step 2)`).toBeDefined();
    expect(published?.Subject, `The subject must read "Order ${order.id} confirmed": JsonPath.format('Order {} confirmed', …) (step 2)`).toBe(
      `Order ${order.id} confirmed`,
    );
    expect(
      published?.Message,
      `The message must read "${order.lines.length} lines, total ${order.totals.total.amount} ${order.totals.total.currency} (minor units)": count the lines with JsonPath.arrayLength (step 2)`,
    ).toBe(`${order.lines.length} lines, total ${order.totals.total.amount} ${order.totals.total.currency} (minor units)`);
  });
});
