// `npm run bench -w tools/dev`: the time from `npm start` to a served home page (next dev, as a newcomer runs it), then
// Lighthouse on the production build (`shop-dev start --prod`) for the home page, a product page and the cart.
// Prints figures, asserts nothing. Progress goes to stderr, the results to stdout.
import os from 'node:os';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { formatDuration } from '../src/progress';
import { figuresTable, pageFigures, type LighthouseResult, type PageFigures } from './lighthouse-summary';
import { runShopDev, stepTimes } from './run-shop-dev';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const PORT = Number(process.env.SHOP_BENCH_PORT ?? 3200);
const log = (line: string) => process.stderr.write(`bench: ${line}\n`);

async function timeToHomePage(): Promise<{ total: number; steps: [string, string][] }> {
  log('npm start (shop-dev start, next dev) until the home page is served ...');
  const started = performance.now();
  const run = await runShopDev(['--port', String(PORT)]);
  const total = performance.now() - started;
  const steps = stepTimes(run.stderr());
  await run.stop();
  return { total, steps };
}

async function productPath(base: string): Promise<string> {
  const home = await (await fetch(`${base}/`)).text();
  const path = /href="(\/products\/[^"]+)"/.exec(home)?.[1];
  if (!path) throw new Error('The home page links to no product');
  return path;
}

async function audit(url: string, port: number): Promise<PageFigures> {
  const result = await lighthouse(url, {
    port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance', 'accessibility', 'best-practices'],
  });
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  return pageFigures(result.lhr as unknown as LighthouseResult);
}

async function lighthouseFigures(): Promise<(readonly [string, PageFigures])[]> {
  log('shop-dev start --prod (next build + next start) for Lighthouse ...');
  const run = await runShopDev(['--prod', '--port', String(PORT)]);
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
  try {
    const base = `http://127.0.0.1:${PORT}`;
    const pages = [['home', '/'], ['product', await productPath(base)], ['cart', '/cart']] as const;
    const rows: (readonly [string, PageFigures])[] = [];
    for (const [name, path] of pages) {
      // A first visit warms the server's caches; Lighthouse measures the second, as a returning server would serve it.
      await fetch(`${base}${path}`);
      log(`Lighthouse ${name} (${path}) ...`);
      rows.push([`${name} ${path}`, await audit(`${base}${path}`, chrome.port)]);
    }
    return rows;
  } finally {
    chrome.kill();
    await run.stop();
  }
}

const startup = await timeToHomePage();
const figures = await lighthouseFigures();
process.stdout.write(
  [
    `Storefront benchmark: ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? 'unknown'}), load ${os.loadavg()[0]?.toFixed(1)}, Node ${process.version}`,
    '',
    `npm start -> home page served: ${formatDuration(startup.total)}`,
    ...startup.steps.map(([step, time]) => `  ${step}: ${time}`),
    '',
    'Lighthouse (mobile preset, simulated throttling) on next build + next start:',
    figuresTable(figures),
  ].join('\n'),
);
