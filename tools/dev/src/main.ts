import { parseCommand, USAGE, UsageError, type StartOptions } from './args';
import { startShop } from './start-shop';
import { readState, removeState, stateDir, writeState } from './state';
import { exportLines } from './storefront-env';
import { formatSummary } from './summary';

const say = (line: string) => process.stderr.write(`${line}\n`);

/**
 * The `shop-dev` command (bin/shop-dev.mjs). Returns the exit code; `start` runs until Ctrl-C (SIGINT) or SIGTERM,
 * then stops everything and returns 0.
 *
 * @example
 * process.exitCode = await main(process.argv.slice(2));
 */
export async function main(argv: readonly string[]): Promise<number> {
  try {
    const command = parseCommand(argv);
    if (command.command === 'help') return print(`${USAGE}\n`);
    if (command.command === 'env') return print(exportLines(readState(stateDir()).env));
    return await start(command.options);
  } catch (err) {
    say(`shop-dev: ${(err as Error).message}`);
    if (err instanceof UsageError) say(USAGE);
    return err instanceof UsageError ? 2 : 1;
  }
}

async function start(options: StartOptions): Promise<number> {
  const stopping = new AbortController();
  const signals = listenForSignals(() => stopping.abort(new Error('interrupted: stopping')));
  try {
    say('shop-dev: starting the shop (Ctrl-C stops it at any time)');
    const shop = await startShop(options, {
      say: (line) => say(line),
      storefrontOutput: (text) => process.stderr.write(text),
      signal: stopping.signal,
    });
    const stateFile = writeState(stateDir(), { pid: process.pid, urls: shop.urls, env: shop.env, startedAt: new Date().toISOString() });
    process.stdout.write(formatSummary({ urls: shop.urls, demoUsers: shop.demoUsers, elapsed: shop.elapsed() }));
    const crashed = await Promise.race([signals.received.then(() => undefined), shop.storefrontExited]);
    say(crashed === undefined ? 'shop-dev: stopping' : `shop-dev: the storefront exited with ${crashed}; stopping`);
    removeState(stateFile);
    await shop.stop();
    say('shop-dev: stopped');
    return crashed === undefined ? 0 : 1;
  } catch (err) {
    // Interrupted while starting: what had started was stopped; that is a clean exit, not a failure.
    if (stopping.signal.aborted) {
      say('shop-dev: stopped');
      return 0;
    }
    throw err;
  } finally {
    signals.dispose();
  }
}

/**
 * SIGINT and SIGTERM stay handled while we stop (a second Ctrl-C must not kill us half-way and leave
 * the storefront or the functions' processes behind).
 */
function listenForSignals(onFirst: () => void) {
  const { promise: received, resolve: resolveReceived } = Promise.withResolvers<void>();
  let count = 0;
  const handler = () => {
    if (++count === 1) {
      onFirst();
      resolveReceived();
    } else say('shop-dev: still stopping, please wait');
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return {
    received,
    dispose: () => {
      process.off('SIGINT', handler);
      process.off('SIGTERM', handler);
    },
  };
}

function print(text: string): number {
  process.stdout.write(text);
  return 0;
}
