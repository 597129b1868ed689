import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../bin/shop-dev.mjs', import.meta.url));

/** A `shop-dev start` the benchmark runs, and what it printed so far. */
export interface ShopDevRun {
  readonly child: ChildProcess;
  readonly stderr: () => string;
  stop(): Promise<number | null>;
}

/**
 * Runs `shop-dev start <args>` as a person would and resolves once it has printed its summary (everything answers).
 *
 * @example
 * const run = await runShopDev(['--prod', '--port', '3200']);
 * await run.stop();
 */
export async function runShopDev(args: readonly string[]): Promise<ShopDevRun> {
  const child = spawn(process.execPath, [BIN, 'start', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    process.stderr.write(chunk);
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.includes('Press Ctrl-C')) resolve();
    });
    void exited.then((code) => reject(new Error(`shop-dev exited with ${code} before the shop was up`)));
  });
  return {
    child,
    stderr: () => stderr,
    stop: () => {
      child.kill('SIGINT');
      return exited;
    },
  };
}

/**
 * The `[n/m] <step>: done in <time>` lines of shop-dev's progress, as step and time.
 *
 * @example
 * stepTimes('[1/5] synthesize the CDK app: done in 71.2 s'); // [['synthesize the CDK app', '71.2 s']]
 */
export function stepTimes(progress: string): [string, string][] {
  return [...progress.matchAll(/^\[\d+\/\d+\] (.+?): done in (.+?)(?: \(.*\))?$/gm)].map(([, step, time]) => [step!, time!]);
}
