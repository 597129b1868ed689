import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { DynaliteUnavailableError } from '../errors';

const require = createRequire(import.meta.url);
const dynalite = require('dynalite') as (options: Record<string, unknown>) => Server;

export interface DynaliteOptions {
  /** A folder for LevelDB files; in memory when absent. */
  readonly dataDir?: string;
  readonly region: string;
  readonly accountId: string;
}

export interface RunningDynalite {
  /** `http://127.0.0.1:<port>`, reachable only from this machine. */
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Starts dynalite on an ephemeral 127.0.0.1 port: in memory by default, on disk under `dataDir`.
 * Tables become ACTIVE at once (dynalite's default is a 500 ms CREATING phase, which only slows tests).
 *
 * @example
 * const db = await startDynalite({ region: 'us-east-1', accountId: '000000000000' });
 * await db.close();
 */
export async function startDynalite(options: DynaliteOptions): Promise<RunningDynalite> {
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const server = withAccountEnv(options, () =>
    dynalite({ path: options.dataDir, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 }),
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', (err) => reject(new DynaliteUnavailableError('dynalite did not start', { cause: err })));
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/**
 * dynalite builds table ARNs from AWS_ACCOUNT_ID and AWS_REGION, read once while its store is created
 * (synchronously), so setting them for that call alone gives ARNs that match the templates' account.
 */
function withAccountEnv<T>(options: DynaliteOptions, create: () => T): T {
  const saved = { account: process.env.AWS_ACCOUNT_ID, region: process.env.AWS_REGION };
  process.env.AWS_ACCOUNT_ID = options.accountId;
  process.env.AWS_REGION = options.region;
  try {
    return create();
  } finally {
    restore('AWS_ACCOUNT_ID', saved.account);
    restore('AWS_REGION', saved.region);
  }
}

function restore(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}
