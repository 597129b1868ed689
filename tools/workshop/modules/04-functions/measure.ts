// Measures a handler as Lambda would load it: the bundle ServiceFunction builds (size, and the packages its
// bytes come from) and how long a fresh Node takes to load it (the init part of a cold start, before any
// network call). Run from the repository root:
//   npx tsx tools/workshop/modules/04-functions/measure.ts services/orders/src/handlers/workflow/price-checkout.ts
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleHandler } from './bundle';

const RUNS = 5;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

// Init reads its configuration (and fails without it); these values reach nothing, and nothing is called.
const INIT_ENV = {
  TABLE_NAME: 'measure',
  IDEMPOTENCY_TABLE_NAME: 'measure',
  PAYMENTS_URL: 'http://127.0.0.1:9',
  PAYMENTS_API_KEY_SECRET_ARN: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:measure',
  APPCONFIG_APPLICATION: 'measure',
  APPCONFIG_ENVIRONMENT: 'measure',
  APPCONFIG_FLAGS_PROFILE: 'measure',
  AWS_REGION: 'eu-west-1',
  POWERTOOLS_LOG_LEVEL: 'SILENT',
  POWERTOOLS_METRICS_DISABLED: 'true',
};

/** Milliseconds a fresh Node takes to import the bundle, the median of a few runs. */
function initMilliseconds(file: string): number {
  const script = `const t = performance.now(); await import(${JSON.stringify(file)}); console.log(performance.now() - t);`;
  const times = Array.from({ length: RUNS }, () => {
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { env: { ...process.env, ...INIT_ENV }, encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`The bundle failed to load:\n${run.stderr}`);
    return Number(run.stdout.trim());
  });
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)] ?? Number.NaN;
}

const handler = process.argv[2] ?? 'services/orders/src/handlers/workflow/price-checkout.ts';
const bundle = await bundleHandler(handler);
console.log(`${handler}\n  bundle: ${kb(bundle.bytes)} (minified ESM, as ServiceFunction builds it)`);
for (const [name, bytes] of [...bundle.packages].slice(0, 12)) console.log(`    ${kb(bytes).padStart(10)}  ${name}`);
const dir = mkdtempSync(join(tmpdir(), 'measure-'));
try {
  const file = join(dir, 'index.mjs');
  writeFileSync(file, bundle.code);
  console.log(`  init: ${initMilliseconds(file).toFixed(0)} ms to load it (median of ${RUNS}, this machine; Lambda's CPU at 256 MB is slower)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
