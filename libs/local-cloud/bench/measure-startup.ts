import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LocalCloud } from '../src/index';
import { BENCH_STACK_COUNT } from '../test-stacks/bench/probe';
import { benchLogger, benchPlugins } from './cloud';
import type { Measurement } from './report';
import { summarize } from './stats';

const CLI = fileURLToPath(new URL('../bin/local-cloud.mjs', import.meta.url));
const READY_LINE = 'local-cloud: listening on';
const CLI_TIMEOUT_MS = 60_000;

/**
 * Loads aws-cdk-lib (the bench app module) and synthesizes the bench app into `outdir`, bundling its
 * functions with esbuild, timing both; then synthesizes it again without CDK's built-in CloudFormation
 * validation (into a folder removed afterwards), to show what that validation costs.
 *
 * @example
 * const { figures } = await measureSynthesis(mkdtempSync(join(tmpdir(), 'bench-')));
 */
export async function measureSynthesis(outdir: string): Promise<Measurement> {
  const loading = performance.now();
  const { synthBenchApp } = await import('../test-stacks/bench/bench-app');
  const importMs = performance.now() - loading;
  const synthMs = timed(() => synthBenchApp(outdir));
  const scratch = mkdtempSync(join(tmpdir(), 'bench-synth-'));
  const unvalidatedMs = timed(() => synthBenchApp(scratch, { cfnValidation: false }));
  rmSync(scratch, { recursive: true, force: true });
  const group = 'synthesis';
  return {
    figures: [
      { group, name: 'load aws-cdk-lib + app module', value: importMs, unit: 'ms', note: 'dynamic import, once per process' },
      { group, name: `app.synth(), ${BENCH_STACK_COUNT} stacks`, value: synthMs, unit: 'ms', note: 'in-process, esbuild bundling and CFN validation included' },
      { group, name: 'app.synth() without CFN validation', value: unvalidatedMs, unit: 'ms', note: 'second run: builtinCloudFormationValidation: false' },
    ],
    raw: { importMs, synthMs, unvalidatedMs },
  };
}

function timed(work: () => unknown): number {
  const started = performance.now();
  work();
  return performance.now() - started;
}

/**
 * `LocalCloud.start()` on the synthesized app until it resolves (every service up, every port bound),
 * then `stop()`, `runs` times in this process: the first run also loads the services' modules lazily.
 *
 * @example
 * const { figures } = await measureInProcessStart(cdkOut, 3);
 */
export async function measureInProcessStart(assembly: string, runs: number): Promise<Measurement> {
  const startMs: number[] = [];
  const stopMs: number[] = [];
  let resources = 0;
  for (let run = 0; run < runs; run += 1) {
    const starting = performance.now();
    const cloud = await LocalCloud.start({ assembly, plugins: benchPlugins(), logger: benchLogger });
    startMs.push(performance.now() - starting);
    resources = cloud.resolved.resources.length;
    const stopping = performance.now();
    await cloud.stop();
    stopMs.push(performance.now() - stopping);
  }
  const group = 'startup';
  const start = summarize(startMs);
  return {
    figures: [
      { group, name: 'LocalCloud.start() first run', value: startMs[0] ?? Number.NaN, unit: 'ms', note: `${resources} resources, pre-synthesized cdk.out` },
      { group, name: 'LocalCloud.start() median', value: start.p50, unit: 'ms', note: `${runs} runs in one process` },
      { group, name: 'LocalCloud.stop() median', value: summarize(stopMs).p50, unit: 'ms' },
    ],
    raw: { resources, startMs, stopMs },
  };
}

/**
 * `local-cloud start --assembly <cdk.out>` as a developer runs it: a new Node process (tsx compiling the
 * sources, every module loaded), timed from spawn to the "listening on" line, then stopped with SIGINT.
 *
 * @example
 * const { figures } = await measureCliStart(cdkOut, 2);
 */
export async function measureCliStart(assembly: string, runs: number): Promise<Measurement> {
  const readyMs: number[] = [];
  for (let run = 0; run < runs; run += 1) readyMs.push(await timeCliStart(assembly));
  return {
    figures: [
      { group: 'startup', name: '`local-cloud start` → ready, first run', value: readyMs[0] ?? Number.NaN, unit: 'ms', note: 'new process, spawn → "listening on"' },
      { group: 'startup', name: '`local-cloud start` → ready, best run', value: Math.min(...readyMs), unit: 'ms', note: `${runs} runs` },
    ],
    raw: { readyMs },
  };
}

function timeCliStart(assembly: string): Promise<number> {
  // A folder of its own for the CLI's .local-cloud/instance.json, so no running instance's file is touched.
  const cwd = mkdtempSync(join(tmpdir(), 'bench-cli-'));
  const started = performance.now();
  const child = spawn(process.execPath, [CLI, 'start', '--assembly', assembly, '--log-level', 'warn'], { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
  return new Promise<number>((resolve, reject) => {
    let stderr = '';
    let readyMs: number | undefined;
    const timer = setTimeout(() => child.kill('SIGINT'), CLI_TIMEOUT_MS);
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
      if (readyMs !== undefined || !stderr.includes(READY_LINE)) return;
      readyMs = performance.now() - started;
      child.kill('SIGINT');
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (readyMs === undefined) reject(new Error(`local-cloud start exited (${code}) before it was ready:\n${stderr}`));
      else resolve(readyMs);
    });
  }).finally(() => rmSync(cwd, { recursive: true, force: true }));
}
