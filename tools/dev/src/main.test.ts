import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CognitoIdentityProviderClient, InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from './demo-users';

const BIN = fileURLToPath(new URL('../bin/shop-dev.mjs', import.meta.url));
const stateDir = mkdtempSync(join(tmpdir(), 'shop-dev-test-state-'));
const env = { ...process.env, SHOP_DEV_STATE_DIR: stateDir };

/** `shop-dev start --no-storefront` as a person runs it, in a process group of its own (to find what it leaves behind). */
function startShopDev(): { child: ChildProcess; output: { stdout: string; stderr: string } } {
  const child = spawn(process.execPath, [BIN, 'start', '--no-storefront'], { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const output = { stdout: '', stderr: '' };
  child.stdout!.on('data', (chunk: Buffer) => (output.stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output.stderr += chunk.toString()));
  return { child, output };
}

function untilPrinted(child: ChildProcess, output: { stdout: string; stderr: string }, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = () => output.stdout.includes(text) && (stop(), resolve());
    const exited = (code: number | null) => (stop(), reject(new Error(`shop-dev exited with ${code} before printing "${text}":\n${output.stderr.slice(-3000)}`)));
    const stop = () => (child.stdout!.off('data', check), child.off('exit', exited));
    child.stdout!.on('data', check);
    child.once('exit', exited);
    check();
  });
}

const urlAfter = (text: string, label: string) => new RegExp(`^ {2}${label} +(http\\S+)`, 'm').exec(text)?.[1];

function envOfRunningShop(): Record<string, string> {
  const result = spawnSync(process.execPath, [BIN, 'env'], { env, encoding: 'utf8' });
  expect(result.status, result.stderr).toBe(0);
  return Object.fromEntries([...result.stdout.matchAll(/^export (\w+)=(\S+)$/gm)].map(([, key, value]) => [key!, value!]));
}

/**
 * The processes of a group still running (Linux's /proc). Exited ones waiting to be reaped (zombies, state Z) are left
 * out: they have ended, and whoever adopted them reaps them.
 */
function runningInGroup(pgid: number): string[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .flatMap((pid) => {
      try {
        // After the command name (in parentheses, which may hold spaces): state, ppid, pgrp.
        const [state, , group] = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
        return Number(group) === pgid && state !== 'Z' ? [pid] : [];
      } catch {
        return []; // ended while we looked
      }
    });
}

describe('shop-dev start --no-storefront', () => {
  let shop: ReturnType<typeof startShopDev>;

  beforeAll(async () => {
    shop = startShopDev();
    await untilPrinted(shop.child, shop.output, 'Press Ctrl-C to stop everything.');
  }, 600_000);

  afterAll(() => {
    if (shop.child.pid && runningInGroup(shop.child.pid).length > 0) process.kill(-shop.child.pid, 'SIGKILL');
    rmSync(stateDir, { recursive: true, force: true });
  });

  it('prints an API URL that lists the seeded catalog', async () => {
    const apiUrl = urlAfter(shop.output.stdout, 'API');

    const response = await fetch(`${apiUrl}/products`);

    expect(response.status).toBe(200);
    const body = (await response.json()) as { items: unknown[] };
    expect(body.items.length).toBeGreaterThan(0);
  });

  it('prints a local console that answers', async () => {
    const consoleUrl = urlAfter(shop.output.stdout, 'Local console');

    const response = await fetch(consoleUrl!);

    expect(response.status).toBe(200);
  });

  it('creates demo users who sign in with the printed passwords, the admin in the admin group', async () => {
    const shopEnv = envOfRunningShop();
    const cognito = new CognitoIdentityProviderClient({
      region: shopEnv.AWS_REGION!,
      endpoint: shopEnv.AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER!,
      credentials: { accessKeyId: shopEnv.AWS_ACCESS_KEY_ID!, secretAccessKey: shopEnv.AWS_SECRET_ACCESS_KEY! },
    });

    for (const user of DEMO_USERS) {
      const printed = shop.output.stdout.split('\n').find((line) => line.trim().startsWith(user.email));
      expect(printed?.split(/ +/).slice(1, 3)).toEqual([user.email, user.password]);
      const { AuthenticationResult } = await cognito.send(
        new InitiateAuthCommand({
          ClientId: shopEnv.SHOP_USER_POOL_CLIENT_ID!,
          AuthFlow: 'USER_PASSWORD_AUTH',
          AuthParameters: { USERNAME: user.email, PASSWORD: user.password },
        }),
      );
      const claims = JSON.parse(Buffer.from(AuthenticationResult!.IdToken!.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;
      expect(claims.email).toBe(user.email);
      expect(claims['cognito:groups'] ?? []).toEqual(user.admin ? ['admin'] : []);
    }
    cognito.destroy();
  });

  it('stops everything on Ctrl-C and exits 0, leaving no process behind', async () => {
    const cloudUrl = urlAfter(shop.output.stdout, 'Local cloud')!;
    const exited = new Promise<number | null>((resolve) => shop.child.once('exit', resolve));

    shop.child.kill('SIGINT');

    expect(await exited).toBe(0);
    expect(shop.output.stderr).toContain('shop-dev: stopped');
    expect(runningInGroup(shop.child.pid!)).toEqual([]);
    await expect(fetch(`${cloudUrl}/_local/health`)).rejects.toThrow();
    expect(spawnSync(process.execPath, [BIN, 'env'], { env, encoding: 'utf8' }).stderr).toContain('No shop is running');
  });
});
