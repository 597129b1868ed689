import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { LocalCloud } from '../core/local-cloud';
import { makeLogger, type LogLevel } from '../core/logger';
import { defaultPlugins } from '../services';
import { removeState, writeState } from './state-file';
import { synthesize } from './synth';

export interface StartOptions {
  readonly app?: string;
  readonly assembly?: string;
  readonly stage?: string;
  readonly port?: number;
  readonly region?: string;
  readonly accountId?: string;
  readonly logLevel?: LogLevel;
  /** Where `.local-cloud/instance.json` goes (the current folder by default). */
  readonly stateDir: string;
  /** Human-readable progress and the summary (stderr in the CLI; JSON logs go to stdout). */
  readonly say: (line: string) => void;
}

/**
 * `local-cloud start`: synthesizes the app (or takes a cdk.out), starts the local cloud, prints every
 * endpoint and the `export AWS_ENDPOINT_URL_*` lines, and records the instance for `local-cloud env`.
 *
 * @example
 * const { cloud, stop } = await startCommand({ app: 'infra', stateDir: process.cwd(), say: console.error });
 */
export async function startCommand(options: StartOptions): Promise<{ cloud: LocalCloud; stop: () => Promise<void> }> {
  const { assembly, synthesized } = await assemblyOf(options);
  // A cloud assembly synthesized for this run is this run's to remove; one passed in is the caller's.
  const removeAssembly = () => synthesized && rmSync(assembly, { recursive: true, force: true });
  options.say(`local-cloud: starting services for ${assembly}`);
  const cloud = await LocalCloud.start({
    assembly,
    plugins: defaultPlugins(),
    logger: makeLogger({ level: options.logLevel ?? 'info' }),
    ...(options.stage && { stage: options.stage }),
    ...(options.port !== undefined && { port: options.port }),
    ...(options.region && { region: options.region }),
    ...(options.accountId && { accountId: options.accountId }),
  }).catch((err: unknown) => {
    removeAssembly();
    throw err;
  });
  const stateFile = writeState(options.stateDir, {
    pid: process.pid,
    url: cloud.url,
    services: cloud.services,
    environment: cloud.environment(),
    assembly,
    startedAt: new Date().toISOString(),
  });
  summarize(cloud, options.say);
  return {
    cloud,
    stop: async () => {
      removeState(stateFile);
      await cloud.stop();
      removeAssembly();
    },
  };
}

async function assemblyOf(options: StartOptions): Promise<{ assembly: string; synthesized: boolean }> {
  if (options.assembly) return { assembly: resolve(options.assembly), synthesized: false };
  const app = resolve(options.app ?? '.');
  if (!existsSync(join(app, 'cdk.json'))) throw new Error(`${app} has no cdk.json: pass --app <cdk app dir> or --assembly <cdk.out>`);
  const outdir = mkdtempSync(join(tmpdir(), 'local-cloud-cdk-out-'));
  options.say(`local-cloud: synthesizing ${app} (cdk synth) into ${outdir}`);
  try {
    return { assembly: await synthesize(app, outdir, (text) => options.say(text.trimEnd())), synthesized: true };
  } catch (err) {
    rmSync(outdir, { recursive: true, force: true });
    throw err;
  }
}

function summarize(cloud: LocalCloud, say: (line: string) => void): void {
  say(`local-cloud: listening on ${cloud.url} (127.0.0.1 only)`);
  for (const stack of cloud.resolved.stacks) say(`  stack ${stack.stackName}: ${stack.resources.length} resources`);
  say('resources:');
  for (const line of cloud.report) say(`  ${line}`);
  say('endpoints:');
  const width = Math.max(...cloud.services.map((service) => service.length));
  for (const service of cloud.services) say(`  ${service.padEnd(width)} ${cloud.url}`);
  for (const [stack, outputs] of Object.entries(cloud.outputs())) {
    for (const [name, value] of Object.entries(outputs)) say(`  output ${stack}.${name} = ${JSON.stringify(value)}`);
  }
  say('environment (or run `eval "$(npx local-cloud env)"` in another shell):');
  for (const [key, value] of Object.entries(cloud.environment())) say(`  export ${key}=${value}`);
}
