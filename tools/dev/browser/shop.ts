import { expect, type Page } from '@playwright/test';
import { DEMO_USERS, type DemoUser } from '../src/demo-users';
import { readState, stateDir } from '../src/state';

/** The running shop's environment, as `shop-dev start` (the webServer) recorded it. */
export function shopEnv(): Readonly<Record<string, string>> {
  return readState(stateDir()).env;
}

export const customer: DemoUser = DEMO_USERS.find((user) => !user.admin)!;
export const admin: DemoUser = DEMO_USERS.find((user) => user.admin)!;

export const CARDS = { approves: '4242 4242 4242 4242', declines: '4000 0000 0000 0002' } as const;

/** Signs in through the sign-in page, then lands on `next`. */
export async function signIn(page: Page, user: DemoUser, next = '/'): Promise<void> {
  await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel('Email address').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
}

/**
 * Empties the signed-in customer's cart through the cart page: each test buys only what it adds (a cart that outlives
 * a checkout must not leak into the next test's order).
 */
export async function emptyCart(page: Page): Promise<void> {
  await page.goto('/cart');
  const remove = page.getByRole('button', { name: /^Remove / });
  while ((await remove.count()) > 0) {
    const before = await remove.count();
    await remove.first().click();
    await expect(remove).toHaveCount(before - 1);
  }
}

/** Opens the first product of the home page with a few units in stock, and returns its id. */
export async function openABuyableProduct(page: Page, minimumUnits = 3): Promise<string> {
  await page.goto('/');
  const links = page.getByRole('list', { name: 'New products' }).getByRole('link');
  await expect(links.first()).toBeVisible();
  const paths = await links.evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href') ?? ''));
  for (const path of paths) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const id = path.split('/').pop()!;
    const canAdd = (await page.getByRole('button', { name: 'Add to cart' }).count()) > 0;
    if (canAdd && (await availableUnits(id)) >= minimumUnits) return id;
  }
  throw new Error('No product on the home page can be bought');
}

/** Adds the open product to the cart and waits for the cart page the server action redirects to. */
export async function addToCart(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await page.waitForURL(/\/cart\?added=/);
}

/** Fills the checkout form with a delivery address and `card`, places the order and returns the order page's id. */
export async function checkOut(page: Page, card: string): Promise<string> {
  await page.goto('/checkout');
  const delivery = page.getByRole('group', { name: 'Delivery address' });
  await delivery.getByLabel('Full name').fill('Ada Customer');
  await delivery.getByLabel('Address line 1').fill('1 Test Street');
  await delivery.getByLabel('Town or city').fill('London');
  await delivery.getByLabel('Postcode').fill('SW1A 1AA');
  await delivery.getByLabel('Country code').fill('GB');
  await page.getByLabel('Card number').fill(card);
  await page.getByLabel('Expiry date (MM/YY)').fill(`12/${String(new Date().getFullYear() + 2).slice(-2)}`);
  await page.getByLabel('Security code').fill('123');
  await page.getByRole('button', { name: 'Place order' }).click();
  await page.waitForURL(/\/orders\/[^/]+$/);
  return new URL(page.url()).pathname.split('/').pop()!;
}

/** Units of a product available to order, read through the shop's API. */
export async function availableUnits(productId: string): Promise<number> {
  const response = await fetch(`${shopEnv().SHOP_API_URL}/products/${encodeURIComponent(productId)}`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { available: number }).available;
}

/** Turns a feature flag on or off through the local AppConfig's admin interface, as the console's toggle does. */
export async function setFlag(flag: string, enabled: boolean, attributes?: Record<string, unknown>): Promise<void> {
  const env = shopEnv();
  const configuration = `applications/${env.SHOP_FLAGS_APPLICATION}/environments/${env.SHOP_FLAGS_ENVIRONMENT}/configurations/${env.SHOP_FLAGS_PROFILE}`;
  const response = await fetch(`${env.AWS_ENDPOINT_URL_APPCONFIG}/_local/appconfig/${configuration}/flags/${flag}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ enabled, ...(attributes && { attributes }) }),
  });
  expect(response.status, await response.text()).toBe(200);
}
