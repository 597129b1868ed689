import { randomUUID } from 'node:crypto';
import {
  DescribeExecutionCommand,
  GetExecutionHistoryCommand,
  type HistoryEvent,
  ListStateMachinesCommand,
  SFNClient,
} from '@aws-sdk/client-sfn';
import { createProduct, type Product } from '../src/harness/catalog';
import {
  checkoutBody,
  customerCartId,
  finalOrder,
  postCheckout,
  setCartLine,
  TEST_CARDS,
  tokenizeCard,
  type CheckoutAccepted,
} from '../src/harness/checkout';
import type { ShopClients } from '../src/harness/clients';
import type { ShopTarget } from '../src/harness/target';
import { signUpUser } from '../src/harness/users';
import { BenchRequestError } from './measure';
import { type Figure, latencyFigures, summarize } from './stats';

export interface CheckoutPlan {
  /** Concurrent customers, each checking out `checkoutsEach` times one after the other. */
  readonly customers: number;
  readonly checkoutsEach: number;
}

/** One checkout as measured: the client's view and the Standard execution's name (the order id). */
interface Measured {
  readonly latencyMs: number;
  readonly executionName: string;
  readonly status: string;
  /** POST /checkout sent again after a 5xx. */
  readonly retries: number;
}

const MAX_RETRIES = 3;

interface Shopper {
  readonly token: string;
  readonly cartId: string;
}

/** A customer with one unit of `product` in their cart; the cart is kept across their checkouts. */
async function aShopper(target: ShopTarget, clients: ShopClients, product: Product): Promise<Shopper> {
  const user = await signUpUser(clients.cognito, target);
  const cartId = await customerCartId(target, user.idToken);
  await setCartLine(target, { token: user.idToken }, product.id, 1);
  return { token: user.idToken, cartId };
}

/** Tokenizes a card (not timed: the storefront does it before), then times POST /checkout → CONFIRMED seen. */
async function checkOutOnce(target: ShopTarget, apiKey: string, shopper: Shopper): Promise<Measured> {
  const paymentToken = await tokenizeCard(target, apiKey, TEST_CARDS.approves);
  const idempotencyKey = randomUUID();
  const started = performance.now();
  const call = {
    token: shopper.token,
    idempotencyKey,
    body: checkoutBody(shopper.cartId, paymentToken),
  };
  // As a well-behaved client does: a 5xx is sent again with the same Idempotency-Key (it cannot make two orders).
  let response = await postCheckout<CheckoutAccepted>(target, call);
  let retries = 0;
  while (response.status >= 500 && retries < MAX_RETRIES) {
    retries++;
    response = await postCheckout<CheckoutAccepted>(target, call);
  }
  if (response.status !== 202)
    throw new BenchRequestError(`POST /checkout answered ${response.status}: ${JSON.stringify(response.body)}`);
  const order = await finalOrder(target, shopper.token, response.body.orderId, 300_000, 200);
  // The intake names the Standard execution after the order id (derived from the customer and the key).
  return {
    latencyMs: performance.now() - started,
    executionName: response.body.orderId,
    status: order.status,
    retries,
  };
}

/**
 * Checkouts by `plan.customers` concurrent customers, each `plan.checkoutsEach` in a row, with an approving card
 * and stock for all: latency from POST /checkout to the order seen CONFIRMED (polled every 200 ms), and
 * checkouts per minute over the whole run.
 */
export async function measureCheckouts(
  target: ShopTarget,
  clients: ShopClients,
  context: { adminToken: string; apiKey: string },
  plan: CheckoutPlan,
): Promise<{ figures: Figure[]; executionNames: string[] }> {
  const group = `checkout, ${plan.customers} concurrent customer${plan.customers > 1 ? 's' : ''}`;
  const total = plan.customers * plan.checkoutsEach;
  const product = await createProduct(target, context.adminToken, { stock: total + 10 });
  // Set-up is not measured: one at a time, so a busy machine does not time out cold functions.
  const shoppers: Shopper[] = [];
  for (let i = 0; i < plan.customers; i++) shoppers.push(await aShopper(target, clients, product));
  await checkOutOnce(target, context.apiKey, shoppers[0] as Shopper); // warm-up: the functions' cold starts
  const started = performance.now();
  const runs = await Promise.all(
    shoppers.map(async (shopper) => {
      const measured: Measured[] = [];
      for (let i = 0; i < plan.checkoutsEach; i++) measured.push(await checkOutOnce(target, context.apiKey, shopper));
      return measured;
    }),
  );
  const wallMs = performance.now() - started;
  const measured = runs.flat();
  const notConfirmed = measured.filter((run) => run.status !== 'CONFIRMED');
  if (notConfirmed.length > 0) throw new BenchRequestError(`${notConfirmed.length} checkouts were not confirmed`);
  const figures: Figure[] = [
    {
      group,
      name: 'checkouts per minute',
      value: (total * 60_000) / wallMs,
      unit: '/min',
      note: `${total} checkouts, first POST → last CONFIRMED seen`,
    },
    ...latencyFigures(group, 'POST /checkout → CONFIRMED', summarize(measured.map((m) => m.latencyMs)), 'per order'),
    {
      group,
      name: 'POST /checkout sent again after a 5xx',
      value: measured.reduce((sum, m) => sum + m.retries, 0),
      unit: 'count',
      note: 'same Idempotency-Key; latency includes them',
    },
  ];
  return { figures, executionNames: measured.map((m) => m.executionName) };
}

/**
 * What the Standard `Checkout` executions cost and took, read back from Step Functions: states entered per
 * order (the state transitions Standard workflows are billed by) and the execution's own duration.
 */
export async function measureExecutions(executionNames: readonly string[]): Promise<Figure[]> {
  const group = 'Checkout workflow (Standard), per confirmed order';
  const sfn = new SFNClient({});
  try {
    const stateMachineArn = await checkoutStateMachineArn(sfn);
    const executions = await Promise.all(
      executionNames.map(async (name) => {
        const executionArn = `${stateMachineArn.replace(':stateMachine:', ':execution:')}:${name}`;
        const [described, events] = await Promise.all([
          sfn.send(new DescribeExecutionCommand({ executionArn })),
          history(sfn, executionArn),
        ]);
        const durationMs = (described.stopDate?.getTime() ?? Number.NaN) - (described.startDate?.getTime() ?? 0);
        return { durationMs, transitions: events.filter((event) => event.type?.endsWith('StateEntered')).length };
      }),
    );
    const transitions = summarize(executions.map((e) => e.transitions));
    return [
      {
        group,
        name: 'state transitions (states entered)',
        value: transitions.p50,
        unit: 'count',
        note: `median; min..max ${Math.min(...executions.map((e) => e.transitions))}..${transitions.max} (n=${transitions.count})`,
      },
      ...latencyFigures(group, 'execution duration', summarize(executions.map((e) => e.durationMs)), 'start → stop'),
    ];
  } finally {
    sfn.destroy();
  }
}

async function checkoutStateMachineArn(sfn: SFNClient): Promise<string> {
  const { stateMachines = [] } = await sfn.send(new ListStateMachinesCommand({}));
  const standard = stateMachines.filter(
    (machine) => machine.type === 'STANDARD' && /Checkout/.test(machine.name ?? ''),
  );
  if (standard.length !== 1 || !standard[0]?.stateMachineArn)
    throw new BenchRequestError(`Expected one Standard Checkout state machine, found ${standard.length}`);
  return standard[0].stateMachineArn;
}

async function history(sfn: SFNClient, executionArn: string): Promise<HistoryEvent[]> {
  const events: HistoryEvent[] = [];
  let nextToken: string | undefined;
  do {
    const page = await sfn.send(new GetExecutionHistoryCommand({ executionArn, nextToken, maxResults: 1000 }));
    events.push(...(page.events ?? []));
    nextToken = page.nextToken;
  } while (nextToken);
  return events;
}
