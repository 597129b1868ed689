import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';

/** The storefront's port for the browser tests: apart from `npm start`'s 3000, so both can run. */
const PORT = Number(process.env.SHOP_BROWSER_PORT ?? 3100);
const BIN = fileURLToPath(new URL('../bin/shop-dev.mjs', import.meta.url));

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  // Screenshots (every test's last page) and traces of failures land here, kept as CI artifacts.
  outputDir: '../test-results',
  // One shop, one browser: the tests share its stock and flags, and the machine has two cores.
  workers: 1,
  fullyParallel: false,
  // Budgets, not expectations: a checkout runs a Step Functions workflow and Lambda cold starts on the local cloud.
  timeout: 300_000,
  expect: { timeout: 120_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    screenshot: 'on',
    trace: 'retain-on-failure',
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' },
  },
  // The orchestrator itself: synth, local cloud, demo users, then next build + next start.
  webServer: {
    command: `"${process.execPath}" "${BIN}" start --prod --port ${PORT}`,
    url: `http://127.0.0.1:${PORT}/`,
    timeout: 1_200_000,
    reuseExistingServer: !process.env.CI,
    gracefulShutdown: { signal: 'SIGINT', timeout: 60_000 },
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
