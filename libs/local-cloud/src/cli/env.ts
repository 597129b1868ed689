import { readState } from './state-file';

/**
 * `local-cloud env`: the `export` lines that point the AWS SDK and CLI at the running local cloud,
 * after checking it answers. Throws NoInstanceError when none runs.
 *
 * @example
 * process.stdout.write(await envCommand(process.cwd())); // 'export AWS_ENDPOINT_URL_LAMBDA=http://127.0.0.1:4566\n...'
 */
export async function envCommand(dir: string): Promise<string> {
  const { state } = readState(dir);
  const health = await fetch(`${state.url}/_local/health`).catch(() => undefined);
  if (!health?.ok) throw new Error(`The local cloud (pid ${state.pid}) does not answer on ${state.url}`);
  const lines = Object.entries(state.environment).map(([key, value]) => `export ${key}=${shellQuote(value)}`);
  return `${lines.join('\n')}\n`;
}

function shellQuote(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}
