// The shop's benchmark: `npm run bench -w tools/e2e`. Starts the shop on the local cloud as the e2e suite
// does, measures the catalog, stock reservations and checkout, then prints a table of figures on stdout
// (progress on stderr). It asserts nothing.
import { cpus, loadavg } from 'node:os';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { paymentsApiKey } from '../src/harness/checkout';
import { makeClients, type ShopClients } from '../src/harness/clients';
import { startLocalShop } from '../src/harness/local-shop';
import { signUpUser } from '../src/harness/users';
import type { ShopTarget } from '../src/harness/target';
import { measureListing, measureReservations } from './measure';
import { type CheckoutPlan, measureCheckouts, measureExecutions } from './measure-checkout';
import { type Figure, formatTable } from './stats';

/** Every count the bench uses: bounded, so a run takes a minute or two on two busy cores. */
const PLAN = {
  listing: { requests: 300, warmup: 10 },
  reservations: { skus: 5, orders: 300, warmup: 20, senders: 4 },
  checkout: [
    { customers: 1, checkoutsEach: 20 },
    { customers: 20, checkoutsEach: 3 },
  ] satisfies CheckoutPlan[],
} as const;

// A hung measurement must not hang CI: the waits time out on their own, this is the last resort.
const WATCHDOG_MS = 15 * 60_000;

const say = (line: string) => process.stderr.write(`bench: ${line}\n`);

async function main(): Promise<void> {
  say('synthesizing the shop and starting it on the local cloud...');
  const shop = await startLocalShop();
  const { target } = shop;
  Object.assign(process.env, target.env);
  const clients = makeClients();
  const figures: Figure[] = [
    { group: 'startup', name: 'cdk synth (dev stage, bundled)', value: shop.timings.synthMs, unit: 'ms' },
    {
      group: 'startup',
      name: 'LocalCloud.start, seeded',
      value: shop.timings.startMs,
      unit: 'ms',
      note: 'custom resource seed included',
    },
  ];
  try {
    say(`GET /products x${PLAN.listing.requests}...`);
    figures.push(...(await measureListing(target, PLAN.listing)));
    const admin = await signUpUser(clients.cognito, target, { admin: true });
    say(`${PLAN.reservations.orders} reservations...`);
    figures.push(...(await measureReservations(target, clients, admin.idToken, PLAN.reservations)));
    figures.push(...(await checkoutFigures(target, clients, admin.idToken)));
  } finally {
    clients.destroy();
    await shop.stop();
  }
  const host = `node ${process.version}, ${cpus().length} cpus, load ${loadavg()[0]?.toFixed(2)}`;
  process.stdout.write(`\nshop bench on the local cloud (${host})\n\n${formatTable(figures)}`);
}

async function checkoutFigures(target: ShopTarget, clients: ShopClients, adminToken: string): Promise<Figure[]> {
  const secrets = new SecretsManagerClient({});
  const apiKey = await paymentsApiKey(target, secrets).finally(() => secrets.destroy());
  const figures: Figure[] = [];
  const executionNames: string[] = [];
  for (const plan of PLAN.checkout) {
    say(`checkout: ${plan.customers} customer(s) x ${plan.checkoutsEach}...`);
    const run = await measureCheckouts(target, clients, { adminToken, apiKey }, plan);
    figures.push(...run.figures);
    executionNames.push(...run.executionNames);
  }
  say('reading the executions back from Step Functions...');
  return [...figures, ...(await measureExecutions(executionNames))];
}

const watchdog = setTimeout(() => {
  say(`gave up after ${WATCHDOG_MS / 60_000} minutes`);
  process.exit(1);
}, WATCHDOG_MS);
watchdog.unref();

main()
  .catch((err: unknown) => {
    say(`failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    process.exitCode = 1;
  })
  .finally(() => clearTimeout(watchdog));
