import { parseArgs } from 'node:util';
import type { LogLevel } from '../core/logger';
import { envCommand } from './env';
import { logsCommand } from './logs';
import { startCommand, type StartOptions } from './start';

const USAGE = `Usage:
  local-cloud start [--app <cdk app dir> | --assembly <cdk.out>] [--stage <name>] [--port <n>]
                    [--region <r>] [--account <id>] [--log-level debug|info|warn|error]
  local-cloud env              prints the export lines for the running local cloud
  local-cloud logs <function>  prints a function's log lines (any unique part of its name)`;

const say = (line: string) => process.stderr.write(`${line}\n`);

/**
 * The CLI entry point (bin/local-cloud.mjs). Returns the exit code; `start` keeps running until SIGINT/SIGTERM.
 *
 * @example
 * process.exitCode = await main(process.argv.slice(2));
 */
export async function main(argv: readonly string[]): Promise<number> {
  try {
    const { command, argument, values } = parse(argv);
    if (command === 'env') return print(await envCommand(process.cwd()));
    if (command === 'logs' && argument) return print(await logsCommand(process.cwd(), argument));
    if (command !== 'start' || values.help) {
      say(USAGE);
      return values.help ? 0 : 2;
    }
    const { stop } = await startCommand(startOptions(values));
    await waitForSignal();
    say('local-cloud: stopping');
    await stop();
    return 0;
  } catch (err) {
    say(`local-cloud: ${(err as Error).message}`);
    return 1;
  }
}

function parse(argv: readonly string[]) {
  const { positionals, values } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      app: { type: 'string' },
      assembly: { type: 'string' },
      stage: { type: 'string' },
      port: { type: 'string' },
      region: { type: 'string' },
      account: { type: 'string' },
      'log-level': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  return { command: positionals[0], argument: positionals[1], values };
}

function startOptions(values: ReturnType<typeof parse>['values']): StartOptions {
  return {
    ...(values.app && { app: values.app }),
    ...(values.assembly && { assembly: values.assembly }),
    ...(values.stage && { stage: values.stage }),
    ...(values.port && { port: Number(values.port) }),
    ...(values.region && { region: values.region }),
    ...(values.account && { accountId: values.account }),
    ...(values['log-level'] && { logLevel: values['log-level'] as LogLevel }),
    stateDir: process.cwd(),
    say,
  };
}

function print(text: string): number {
  process.stdout.write(text);
  return 0;
}

function waitForSignal(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}
