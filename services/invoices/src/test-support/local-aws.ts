import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

// dynalite alone has no TransactWriteItems, which numbering needs. The workspace's local cloud serves
// DynamoDB (with transactions), S3 (with presigned URLs), SQS and EventBridge on one port, so the tests run it
// as a separate process, as they would DynamoDB Local: no code of it is imported.
const LOCAL_CLOUD_BIN = fileURLToPath(
  new URL('../../../../node_modules/@shop/local-cloud/bin/local-cloud.mjs', import.meta.url),
);
const START_TIMEOUT_MS = 60_000;
/**
 * Test and hook time budgets for files that use the local cloud (`vi.setConfig(LOCAL_AWS_TIMEOUTS)`):
 * starting it, and 100 concurrent invoices through it, take seconds on a busy machine. Budgets, not
 * assertions: no test checks how long anything took.
 */
export const LOCAL_AWS_TIMEOUTS = { hookTimeout: START_TIMEOUT_MS + 10_000, testTimeout: 120_000 };

/** A local cloud (DynamoDB, S3, SQS, EventBridge) in a child process, and clients pointed at it. */
export type LocalAws = {
  /** AWS_ENDPOINT_URL_*, region and credentials: assign to process.env before importing a handler. */
  readonly environment: Record<string, string>;
  readonly client: DynamoDBClient;
  readonly doc: DynamoDBDocumentClient;
  readonly stop: () => Promise<void>;
};

/**
 * Starts a local cloud. With no assembly it is empty (tests create tables and queues through the APIs); with
 * a synthesized cloud assembly it runs that, functions, rules and event source mappings included.
 */
export async function startLocalAws(options: { assembly?: string; stage?: string } = {}): Promise<LocalAws> {
  const dir = mkdtempSync(join(tmpdir(), 'invoices-local-aws-'));
  const assembly = options.assembly ?? emptyAssembly(dir);
  const stage = options.stage === undefined ? [] : ['--stage', options.stage];
  const child = spawn(
    process.execPath,
    [LOCAL_CLOUD_BIN, 'start', '--assembly', assembly, ...stage, '--log-level', 'error'],
    {
      cwd: dir,
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const environment = await waitForInstance(dir, child, () => stderr).catch(async (error: unknown) => {
    await stopChild(child);
    rmSync(dir, { recursive: true, force: true });
    throw error;
  });
  const client = new DynamoDBClient({
    endpoint: environment.AWS_ENDPOINT_URL_DYNAMODB,
    region: environment.AWS_REGION,
    credentials: credentialsOf(environment),
  });
  const stop = async () => {
    client.destroy();
    await stopChild(child);
    rmSync(dir, { recursive: true, force: true });
  };
  return { environment, client, doc: DynamoDBDocumentClient.from(client), stop };
}

/** An empty cloud assembly: the tests create their own tables through the API. */
function emptyAssembly(dir: string): string {
  mkdirSync(join(dir, 'assembly'));
  writeFileSync(join(dir, 'assembly', 'manifest.json'), JSON.stringify({ version: '48.0.0', artifacts: {} }));
  return 'assembly';
}

async function waitForInstance(
  dir: string,
  child: ChildProcess,
  stderr: () => string,
): Promise<Record<string, string>> {
  const stateFile = join(dir, '.local-cloud', 'instance.json');
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The local cloud exited (${child.exitCode}): ${stderr()}`);
    if (existsSync(stateFile)) {
      const state = JSON.parse(readFileSync(stateFile, 'utf8')) as { environment: Record<string, string> };
      return state.environment;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`The local cloud did not start within ${START_TIMEOUT_MS} ms: ${stderr()}`);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** The local cloud's own credentials (presigned URLs are verified against them). */
export function credentialsOf(environment: Record<string, string>) {
  return {
    accessKeyId: environment.AWS_ACCESS_KEY_ID ?? 'local',
    secretAccessKey: environment.AWS_SECRET_ACCESS_KEY ?? 'local',
    sessionToken: environment.AWS_SESSION_TOKEN,
  };
}
