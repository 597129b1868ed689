import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Json } from '../core/contracts';
import { LocalCloud } from '../core/local-cloud';
import { silentLogger } from '../core/logger';
import { defaultPlugins, type ServiceOptions } from '../services';

/** @internal A local cloud running one synthesized test stack, found by the real SDK clients through the environment. */
export interface E2eCloud {
  readonly cloud: LocalCloud;
  /** The stack's outputs, resolved. */
  readonly outputs: Readonly<Record<string, Json>>;
  output(name: string): string;
  stop(): Promise<void>;
}

/**
 * @internal
 * Synthesizes a test app, starts the default services on it and exports `cloud.environment()` into
 * `process.env`, as a developer's shell does with `eval "$(local-cloud env)"`; `stop` restores both.
 * @example
 * const e2e = await startE2eCloud(synthOrdersTableApp, 'Orders');
 * new DynamoDBClient({}); // reaches the local cloud through AWS_ENDPOINT_URL_DYNAMODB
 */
export async function startE2eCloud(synth: (outdir: string) => string, stackName: string, options: ServiceOptions = {}): Promise<E2eCloud> {
  const cdkOut = synth(mkdtempSync(join(tmpdir(), 'local-cloud-e2e-')));
  const cloud = await LocalCloud.start({ assembly: cdkOut, plugins: defaultPlugins(options), logger: silentLogger });
  const savedEnv = { ...process.env };
  Object.assign(process.env, cloud.environment());
  const outputs = cloud.outputs()[stackName] ?? {};
  return {
    cloud,
    outputs,
    output(name) {
      const value = outputs[name];
      if (typeof value !== 'string') throw new Error(`${stackName} has no output ${name}`);
      return value;
    },
    async stop() {
      process.env = savedEnv;
      await cloud.stop();
      rmSync(cdkOut, { recursive: true, force: true });
    },
  };
}
