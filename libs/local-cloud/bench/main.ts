// The local cloud's benchmark: `npm run bench` in libs/local-cloud (or `npx tsx bench/main.ts`). Prints a
// table of figures on stdout (progress on stderr) and writes them as JSON under .local-cloud/bench/.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { preciseNow } from '../test-stacks/bench/probe';
import { startBenchCloud } from './cloud';
import { measureLatency } from './measure-latency';
import { measureCliStart, measureInProcessStart, measureSynthesis } from './measure-startup';
import { measureThroughput } from './measure-throughput';
import { measureWorkflows } from './measure-workflows';
import { formatTable, machine, writeResults, type Measurement } from './report';

/** Every count the bench uses: bounded, and sized to finish within a minute or so on two busy cores. */
const PLAN = {
  inProcessStarts: 5,
  cliStarts: 2,
  directLatency: { shard: 1, route: 'direct', probes: 200, warmup: 5 },
  queuedLatency: { shard: 2, route: 'queued', probes: 200, warmup: 5 },
  throughput: { shard: 3, events: 1000, warmup: 100, senders: 4 },
  workflows: { shard: 4, sequential: 100, concurrent: 200, inFlight: 5 },
} as const;

// A hung measurement must not hang CI: the waits time out on their own, this is the last resort.
const WATCHDOG_MS = 6 * 60_000;
const RESULTS_DIR = fileURLToPath(new URL('../.local-cloud/bench/', import.meta.url));

const say = (line: string) => process.stderr.write(`bench: ${line}\n`);

async function step(results: Record<string, Measurement>, name: string, measure: () => Promise<Measurement>): Promise<void> {
  say(`${name}...`);
  const started = performance.now();
  results[name] = await measure();
  say(`${name} done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

async function measureRunningCloud(results: Record<string, Measurement>, cdkOut: string): Promise<void> {
  const bench = await startBenchCloud(cdkOut);
  try {
    await step(results, 'latencyDirect', () => measureLatency(bench, PLAN.directLatency));
    await step(results, 'latencyQueued', () => measureLatency(bench, PLAN.queuedLatency));
    await step(results, 'throughput', () => measureThroughput(bench, PLAN.throughput));
    await step(results, 'workflows', () => measureWorkflows(bench, PLAN.workflows));
  } finally {
    await bench.stop();
  }
}

async function main(): Promise<void> {
  const started = preciseNow();
  const cdkOut = mkdtempSync(join(tmpdir(), 'local-cloud-bench-'));
  const results: Record<string, Measurement> = {};
  try {
    await step(results, 'synthesis', () => measureSynthesis(cdkOut));
    await step(results, 'startInProcess', () => measureInProcessStart(cdkOut, PLAN.inProcessStarts));
    await step(results, 'startCli', () => measureCliStart(cdkOut, PLAN.cliStarts));
    await measureRunningCloud(results, cdkOut);
  } finally {
    rmSync(cdkOut, { recursive: true, force: true });
  }
  const totalSeconds = (preciseNow() - started) / 1000;
  const figures = Object.values(results).flatMap((m) => m.figures);
  const host = machine();
  process.stdout.write(`\nlocal-cloud bench (${JSON.stringify(host)}, ${totalSeconds.toFixed(0)} s in all)\n\n${formatTable(figures)}`);
  const file = writeResults(RESULTS_DIR, { measuredAt: new Date().toISOString(), machine: host, plan: PLAN, totalSeconds, figures, raw: Object.fromEntries(Object.entries(results).map(([k, m]) => [k, m.raw])) });
  process.stdout.write(`\nJSON: ${file}\n`);
}

const watchdog = setTimeout(() => {
  say(`gave up after ${WATCHDOG_MS / 60_000} minutes`);
  process.exit(1);
}, WATCHDOG_MS);
watchdog.unref();

main().catch((err: unknown) => {
  say(`failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  process.exitCode = 1;
});
