import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultPlugins, LocalCloud, makeLogger } from '@shop/local-cloud';
import { synthesizeShop } from './synth-shop';
import { targetFromOutputs, type ShopTarget } from './target';

/** The stage the local cloud runs: dev, the one that seeds the catalog. */
export const LOCAL_STAGE = 'dev';

/** The shop on the local cloud, and how long it took to get there. */
export interface LocalShop {
  readonly target: ShopTarget;
  readonly cloud: LocalCloud;
  readonly timings: { readonly synthMs: number; readonly startMs: number };
  stop(): Promise<void>;
}

/** The report lines of resources no local service emulates: the shop would not run fully. */
export class UnsupportedResourcesError extends Error {
  override readonly name = 'UnsupportedResourcesError';
  readonly code = 'E2E.UNSUPPORTED_RESOURCES';
}

/**
 * Synthesizes the shop's dev stage and runs it on the local cloud in this process, seeded (the seed catalog is a
 * custom resource, created before `LocalCloud.start` resolves). The cloud's own log lines at `warn` and above
 * go to stderr; function logs stay readable at `/_local/lambda-logs`.
 *
 * @example
 * const shop = await startLocalShop();
 * await fetch(`${shop.target.apiUrl}/products`);
 * await shop.stop();
 */
export async function startLocalShop(): Promise<LocalShop> {
  const assembly = mkdtempSync(join(tmpdir(), 'shop-e2e-'));
  const removeAssembly = () => rmSync(assembly, { recursive: true, force: true });
  try {
    const synthStarted = performance.now();
    await synthesizeShop(assembly, LOCAL_STAGE);
    const started = performance.now();
    const logger = makeLogger({ level: 'warn', sink: (line) => process.stderr.write(`${line}\n`) });
    const cloud = await LocalCloud.start({ assembly, plugins: defaultPlugins(), logger });
    const timings = { synthMs: started - synthStarted, startMs: performance.now() - started };
    const stop = async () => {
      await cloud.stop();
      removeAssembly();
    };
    const unsupported = cloud.report.filter((line) => line.startsWith('unsupported'));
    if (unsupported.length > 0) {
      await stop();
      throw new UnsupportedResourcesError(`The shop does not run fully locally:\n${unsupported.join('\n')}`);
    }
    const target = {
      ...targetFromOutputs(LOCAL_STAGE, cloud.outputs(), cloud.environment()),
      localCloudUrl: cloud.url,
    };
    return { target, cloud, timings, stop };
  } catch (err) {
    removeAssembly();
    throw err;
  }
}
