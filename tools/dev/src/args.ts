import { parseArgs } from 'node:util';

/** How `shop-dev start` runs the shop. */
export interface StartOptions {
  /** Serve the storefront (`--no-storefront` starts the backend only). */
  readonly storefront: boolean;
  /** `next build` + `next start` instead of `next dev`. */
  readonly prod: boolean;
  /** The storefront's port on 127.0.0.1. */
  readonly port: number;
  /** The local cloud's port on 127.0.0.1; 0 picks a free one. */
  readonly cloudPort: number;
  /** An already synthesized cloud assembly (cdk.out) to run instead of synthesizing `infra/`. */
  readonly assembly?: string;
}

export type Command =
  | { readonly command: 'start'; readonly options: StartOptions }
  | { readonly command: 'env' }
  | { readonly command: 'help' };

export const USAGE = `Usage:
  shop-dev [start] [--prod] [--no-storefront] [--port <n>] [--cloud-port <n>] [--assembly <cdk.out>]
      synthesizes infra/, starts the shop on the local cloud, creates the demo users and serves the storefront
      (next dev; --prod: next build + next start) on http://127.0.0.1:<port> (3000). Ctrl-C stops everything.
  shop-dev env
      prints the export lines (storefront variables and AWS_ENDPOINT_URL_*) of the running shop, for another shell`;

export const DEFAULT_PORT = 3000;

/** The command line does not say what to do. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  readonly code = 'DEV.USAGE';
}

/**
 * Reads the command line of `shop-dev`.
 *
 * @throws UsageError on an unknown command or option, or a port that is not a port.
 * @example
 * parseCommand(['start', '--no-storefront']); // { command: 'start', options: { storefront: false, ... } }
 */
export function parseCommand(argv: readonly string[]): Command {
  const { positionals, values } = parseOrExplain(argv);
  const [command = 'start', ...rest] = positionals;
  if (values.help || command === 'help') return { command: 'help' };
  if (rest.length > 0) throw new UsageError(`Unexpected argument: ${rest.join(' ')}`);
  if (command === 'env') return { command: 'env' };
  if (command !== 'start') throw new UsageError(`Unknown command: ${command}`);
  return {
    command: 'start',
    options: {
      storefront: values.storefront,
      prod: values.prod,
      port: portOf('--port', values.port ?? String(DEFAULT_PORT)),
      cloudPort: portOf('--cloud-port', values['cloud-port'] ?? '0'),
      ...(values.assembly && { assembly: values.assembly }),
    },
  };
}

function parseOrExplain(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      allowPositionals: true,
      allowNegative: true,
      options: {
        prod: { type: 'boolean', default: false },
        storefront: { type: 'boolean', default: true },
        port: { type: 'string' },
        'cloud-port': { type: 'string' },
        assembly: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (err) {
    throw new UsageError((err as Error).message, { cause: err });
  }
}

function portOf(option: string, text: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65_535) throw new UsageError(`${option} takes a port number (0-65535), not "${text}"`);
  return port;
}
