import { resolve } from 'node:path';
import type { StartOptions } from './args';
import { checkCatalog } from './catalog-check';
import { DEMO_USERS, ensureDemoUsers, type DemoUser } from './demo-users';
import { localCognito, startLocalShop, synthesizeToTemp, type LocalShop } from './local-shop';
import { makeProgress, type Progress } from './progress';
import { startStorefront, type Storefront } from './storefront';
import type { ShopUrls } from './summary';

export interface StartShopIo {
  /** Progress lines and the cloud's warnings (stderr in the CLI). */
  readonly say: (line: string) => void;
  /** The storefront's output once it answers (stderr in the CLI). */
  readonly storefrontOutput: (text: string) => void;
  /** Ctrl-C while starting: stops what has started and rejects. */
  readonly signal?: AbortSignal;
}

/** Everything `npm start` started, and how to stop it all. */
export interface RunningShop {
  readonly urls: ShopUrls;
  readonly env: Readonly<Record<string, string>>;
  readonly demoUsers: readonly DemoUser[];
  /** Resolves with the exit code if the storefront ends by itself; never without a storefront. */
  readonly storefrontExited: Promise<number | null>;
  /** Time since the start, formatted. */
  readonly elapsed: () => string;
  /** Stops the storefront, then the local cloud, then removes the synthesized assembly. */
  stop(): Promise<void>;
}

type Cleanup = () => Promise<void> | void;

/**
 * `shop-dev start`: synthesizes the shop (unless given an assembly), starts it on the local cloud in this process,
 * checks the seeded catalog, creates the demo users and starts the storefront, reporting each step with its time.
 * Whatever fails or is interrupted, what had started is stopped before the error is thrown.
 *
 * @example
 * const shop = await startShop({ storefront: true, prod: false, port: 3000, cloudPort: 0 }, io);
 * await shop.stop();
 */
export async function startShop(options: StartOptions, io: StartShopIo): Promise<RunningShop> {
  const progress = makeProgress({ write: io.say, total: options.storefront ? 5 : 4 });
  const cleanups: Cleanup[] = [];
  const stop = async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  };
  try {
    const shop = await startBackend(options, io, progress, cleanups);
    const storefront = await startStorefrontStep(options, io, progress, shop, cleanups);
    return {
      urls: urlsOf(shop, storefront),
      env: shop.env,
      demoUsers: DEMO_USERS,
      storefrontExited: storefront?.exited ?? new Promise<never>(() => undefined),
      elapsed: progress.elapsed,
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}

async function startBackend(options: StartOptions, io: StartShopIo, progress: Progress, cleanups: Cleanup[]) {
  const given = options.assembly;
  const assembly = given
    ? await progress.step(`use the cloud assembly ${given}`, async () => ({ dir: resolve(given), remove: () => undefined }))
    : await progress.step('synthesize the CDK app (infra/, dev stage)', () => synthesizeToTemp(io.signal));
  cleanups.push(() => assembly.remove());
  io.signal?.throwIfAborted();
  const shop = await progress.step(
    'start the local cloud',
    () => startLocalShop(assembly.dir, options.cloudPort, io.say),
    (started) => `${started.cloud.url}, ${started.cloud.services.length} AWS services`,
  );
  cleanups.push(() => shop.stop());
  for (const line of shop.unsupported) io.say(`  warning: not emulated locally: ${line}`);
  io.signal?.throwIfAborted();
  await progress.step(
    'seed catalog (loaded by the stack, checked through the API)',
    () => checkCatalog(shop.endpoints.apiUrl, shop.imagesUrl),
    (count) => `${count} products, images served`,
  );
  io.signal?.throwIfAborted();
  await progress.step(
    'create the demo users',
    () => withCognito(shop, (cognito) => ensureDemoUsers(cognito, shop.endpoints.userPoolId)),
    (users) => users.map((user) => user.email).join(', '),
  );
  return shop;
}

async function startStorefrontStep(
  options: StartOptions,
  io: StartShopIo,
  progress: Progress,
  shop: LocalShop,
  cleanups: Cleanup[],
): Promise<Storefront | undefined> {
  if (!options.storefront) return undefined;
  io.signal?.throwIfAborted();
  // Next's output waits until the page answers (the progress lines stay readable), then streams; on failure its end is shown.
  let recent = '';
  let ready = false;
  const onOutput = (text: string) => (ready ? io.storefrontOutput(text) : (recent = (recent + text).slice(-6_000)));
  const command = options.prod ? 'next build + next start' : 'next dev';
  const start = async () => {
    try {
      return await startStorefront({ port: options.port, prod: options.prod, env: shop.env, onOutput, ...(io.signal && { signal: io.signal }) });
    } catch (err) {
      io.storefrontOutput(recent);
      throw err;
    }
  };
  const storefront = await progress.step(`start the storefront (${command})`, start, (started) => `${started.url} answered ${started.homeStatus}`);
  ready = true;
  cleanups.push(() => storefront.stop());
  return storefront;
}

async function withCognito<T>(shop: LocalShop, use: (cognito: ReturnType<typeof localCognito>) => Promise<T>): Promise<T> {
  const cognito = localCognito(shop.cloud);
  try {
    return await use(cognito);
  } finally {
    cognito.destroy();
  }
}

function urlsOf(shop: LocalShop, storefront: Storefront | undefined): ShopUrls {
  return {
    ...(storefront && { storefront: storefront.url }),
    console: `${shop.cloud.url}/_local/console/`,
    api: shop.endpoints.apiUrl,
    checkoutApi: shop.endpoints.checkoutApiUrl,
    localCloud: shop.cloud.url,
  };
}
