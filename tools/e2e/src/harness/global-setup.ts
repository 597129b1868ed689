import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import type { TestProject } from 'vitest/node';
import { tsImport } from 'tsx/esm/api';
import { deployedTarget } from './deployed-shop';
import type * as LocalShopModule from './local-shop';
import './target';

/**
 * vitest global setup: runs once for the whole suite. With `SHOP_E2E_STAGE=<stage>` it reads that deployed
 * stage's outputs; otherwise it synthesizes the dev stage and starts it on the local cloud (one for every
 * test file), and stops it when the run ends. Tests get the target with `inject('shop')`.
 */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const stage = process.env.SHOP_E2E_STAGE;
  if (stage) {
    const cloudFormation = new CloudFormationClient({});
    try {
      project.provide('shop', await deployedTarget(stage, cloudFormation));
    } finally {
      cloudFormation.destroy();
    }
    return undefined;
  }
  // Loaded through tsx, on Node's own module loader: vitest runs global setups in vite's module runner, which
  // lacks `import.meta.resolve` (the local cloud's SQS service uses it to find fauxqs).
  const { startLocalShop } = (await tsImport('./local-shop.ts', import.meta.url)) as typeof LocalShopModule;
  const shop = await startLocalShop();
  process.stderr.write(
    `e2e: the shop runs on the local cloud at ${shop.cloud.url} (synth ${ms(shop.timings.synthMs)}, start ${ms(shop.timings.startMs)})\n`,
  );
  project.provide('shop', shop.target);
  return () => shop.stop();
}

const ms = (value: number) => `${(value / 1000).toFixed(1)} s`;
