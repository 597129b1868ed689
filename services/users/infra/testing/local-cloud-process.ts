import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// The workspace's local cloud runs as a separate process, as one would run DynamoDB Local: no code of it is
// imported, so these tests exercise the synthesized templates and the bundled handlers, as `npm start` does.
const LOCAL_CLOUD_BIN = fileURLToPath(
  new URL('../../../../node_modules/@shop/local-cloud/bin/local-cloud.mjs', import.meta.url),
);
const START_TIMEOUT_MS = 120_000;

/**
 * @internal Test and hook budgets for files that start the local cloud (`vi.setConfig(LOCAL_CLOUD_TIMEOUTS)`):
 * synthesizing with esbuild and starting every function take a while on a busy machine. Budgets, not assertions.
 */
export const LOCAL_CLOUD_TIMEOUTS = { hookTimeout: START_TIMEOUT_MS + 180_000, testTimeout: 60_000 };

/** @internal A local cloud running one cloud assembly, in a child process. */
export type LocalCloudProcess = {
  /** The gateway URL, e.g. `http://127.0.0.1:40123`. */
  readonly url: string;
  /** AWS_ENDPOINT_URL_*, region and credentials, for the SDK clients of the test. */
  readonly environment: Record<string, string>;
  /** Every stack output, by name (stack names dropped). */
  readonly outputs: Record<string, string>;
  readonly stop: () => Promise<void>;
};

/**
 * @internal Synthesizes an app with `synth(outdir)` and starts the local cloud on it, for one Stage.
 */
export async function startLocalCloud(synth: (outdir: string) => void, stage: string): Promise<LocalCloudProcess> {
  const dir = mkdtempSync(join(tmpdir(), 'users-local-cloud-'));
  synth(join(dir, 'cdk.out'));
  const child = spawn(
    process.execPath,
    [LOCAL_CLOUD_BIN, 'start', '--assembly', 'cdk.out', '--stage', stage, '--log-level', 'error'],
    { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const stop = async () => {
    await stopChild(child);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const state = await waitForInstance(dir, child, () => stderr);
    const byStack = (await (await fetch(`${state.url}/_local/outputs`)).json()) as Record<
      string,
      Record<string, string>
    >;
    return {
      url: state.url,
      environment: state.environment,
      outputs: Object.assign({}, ...Object.values(byStack)),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

type InstanceState = { url: string; environment: Record<string, string> };

async function waitForInstance(dir: string, child: ChildProcess, stderr: () => string): Promise<InstanceState> {
  const stateFile = join(dir, '.local-cloud', 'instance.json');
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The local cloud exited (${child.exitCode}): ${stderr()}`);
    if (existsSync(stateFile)) return JSON.parse(readFileSync(stateFile, 'utf8')) as InstanceState;
    await new Promise((resolve) => setTimeout(resolve, 100));
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
