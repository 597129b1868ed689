import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { REPO_ROOT } from './synth';
import { waitForHttp } from './wait-for-http';

export const STOREFRONT_DIR = join(REPO_ROOT, 'apps', 'storefront');

export interface StorefrontOptions {
  readonly port: number;
  /** `next build` then `next start`; otherwise `next dev`. */
  readonly prod: boolean;
  /** Added to this process's environment (storefrontEnvironment()). */
  readonly env: Readonly<Record<string, string>>;
  /** Next's output, chunk by chunk. */
  readonly onOutput: (text: string) => void;
  readonly signal?: AbortSignal;
}

/** A running storefront: its URL, the status its home page first answered, and how to stop it. */
export interface Storefront {
  readonly url: string;
  readonly homeStatus: number;
  /** Resolves when the process ends by itself (a crash), with its exit code. */
  readonly exited: Promise<number | null>;
  stop(): Promise<void>;
}

/** The storefront could not be built or started. */
export class StorefrontError extends Error {
  override readonly name = 'StorefrontError';
  readonly code = 'DEV.STOREFRONT_FAILED';
}

/**
 * Starts the Next.js storefront (apps/storefront) on 127.0.0.1 as a child process with the shop's environment and
 * waits until its home page answers. The child leads a process group of its own, so `stop()` ends Next's workers too
 * and Ctrl-C in the terminal reaches only us: we stop it first, then the local cloud.
 *
 * @example
 * const storefront = await startStorefront({ port: 3000, prod: false, env, onOutput: (t) => process.stderr.write(t) });
 * await storefront.stop();
 */
export async function startStorefront(options: StorefrontOptions): Promise<Storefront> {
  const next = nextBin();
  if (options.prod) await runToEnd(spawnNext(next, ['build'], options), 'next build');
  const args = options.prod ? ['start'] : ['dev'];
  const child = spawnNext(next, [...args, '--port', String(options.port), '--hostname', '127.0.0.1'], options);
  const exited = exitOf(child);
  let exitCode: number | null | undefined;
  void exited.then((code) => (exitCode = code));
  const stop = () => stopGroup(child, exited);
  const url = `http://127.0.0.1:${options.port}`;
  try {
    // next dev compiles the page on its first request: minutes on a busy two-core machine.
    const homeStatus = await waitForHttp(`${url}/`, {
      timeoutMs: 600_000,
      gaveUp: () => (exitCode !== undefined ? `next exited with ${exitCode}` : undefined),
      ...(options.signal && { signal: options.signal }),
    });
    return { url, homeStatus, exited, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

function nextBin(): string {
  if (!existsSync(join(STOREFRONT_DIR, 'package.json'))) throw new StorefrontError(`There is no storefront at ${STOREFRONT_DIR}`);
  try {
    return createRequire(join(STOREFRONT_DIR, 'package.json')).resolve('next/dist/bin/next');
  } catch (err) {
    throw new StorefrontError('The storefront has no `next` installed: run `npm install` at the repository root', { cause: err });
  }
}

function spawnNext(next: string, args: readonly string[], options: StorefrontOptions): ChildProcess {
  const child = spawn(process.execPath, [next, ...args], {
    cwd: STOREFRONT_DIR,
    env: { ...process.env, ...options.env, NEXT_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  child.stdout?.on('data', (chunk: Buffer) => options.onOutput(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => options.onOutput(chunk.toString()));
  const abort = () => void stopGroup(child, exitOf(child));
  options.signal?.addEventListener('abort', abort, { once: true });
  child.once('exit', () => options.signal?.removeEventListener('abort', abort));
  return child;
}

async function runToEnd(child: ChildProcess, what: string): Promise<void> {
  const code = await exitOf(child);
  if (code !== 0) throw new StorefrontError(`${what} exited with ${code} (its output is above)`);
}

function exitOf(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => resolve(code));
  });
}

/** SIGTERM to the whole group, then SIGKILL to whatever of it is left after a grace period. */
async function stopGroup(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  const pid = child.pid;
  if (pid === undefined) return;
  signalGroup(pid, 'SIGTERM');
  const ended = await Promise.race([exited.then(() => true), sleep(10_000).then(() => false)]);
  for (let waited = 0; ended && groupAlive(pid) && waited < 3_000; waited += 100) await sleep(100);
  signalGroup(pid, 'SIGKILL');
  await exited;
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ESRCH') throw err;
  }
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}
