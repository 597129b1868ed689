// A CloudWatch Synthetics canary (runtime syn-nodejs-puppeteer-13.0, CommonJS as the runtime loads it): signs in
// as the canary's customer, opens a product that can be bought, adds it to the cart and checks out with the
// payment sandbox's approving test card, then waits for the order to be confirmed. Each step is timed and
// screenshotted by Synthetics; a failed step fails the run, which the canary's alarm reports.
const synthetics = require('Synthetics');
const log = require('SyntheticsLogger');
const { GetSecretValueCommand, SecretsManagerClient } = require('@aws-sdk/client-secrets-manager');

const STOREFRONT_URL = process.env.STOREFRONT_URL;
const CUSTOMER_SECRET_ARN = process.env.CUSTOMER_SECRET_ARN;
// The payment sandbox's card that always approves (tools/e2e TEST_CARDS.approves): no real money moves.
const APPROVING_CARD = '4242 4242 4242 4242';
const ORDER_SETTLES_WITHIN_MS = 120_000;

const byRoleAndName = (role, name) => `::-p-aria([name="${name}"][role="${role}"])`;
const byLabel = (label) => `::-p-aria(${label})`;

async function canaryCustomer() {
  const secret = await new SecretsManagerClient({}).send(new GetSecretValueCommand({ SecretId: CUSTOMER_SECRET_ARN }));
  const { email, password } = JSON.parse(secret.SecretString ?? '{}');
  if (!email || !password) throw new Error('The canary customer secret must hold {"email","password"}');
  return { email, password };
}

async function signIn(page, { email, password }) {
  await page.goto(`${STOREFRONT_URL}/sign-in?next=%2F`, { waitUntil: 'networkidle0' });
  await page.locator(byLabel('Email address')).fill(email);
  await page.locator(byLabel('Password')).fill(password);
  await page.locator(byRoleAndName('button', 'Sign in')).click();
  await page.waitForSelector(byRoleAndName('button', 'Sign out'));
}

async function addABuyableProductToCart(page) {
  await page.goto(STOREFRONT_URL, { waitUntil: 'networkidle0' });
  const links = await page.$$eval(`${byRoleAndName('list', 'New products')} a`, (as) => as.map((a) => a.href));
  for (const link of links) {
    await page.goto(link, { waitUntil: 'networkidle0' });
    const addToCart = await page.$(byRoleAndName('button', 'Add to cart'));
    if (addToCart) {
      await addToCart.click();
      await page.waitForSelector(byRoleAndName('list', 'Products in your cart'));
      return link;
    }
  }
  throw new Error('No product on the home page can be bought');
}

async function checkOut(page) {
  await page.goto(`${STOREFRONT_URL}/checkout`, { waitUntil: 'networkidle0' });
  await page.locator(byLabel('Full name')).fill('Synthetics Canary');
  await page.locator(byLabel('Address line 1')).fill('1 Canary Wharf');
  await page.locator(byLabel('Town or city')).fill('London');
  await page.locator(byLabel('Postcode')).fill('E14 5AB');
  await page.locator(byLabel('Country code')).fill('GB');
  await page.locator(byLabel('Card number')).fill(APPROVING_CARD);
  await page.locator(byLabel('Expiry date (MM/YY)')).fill(`12/${String(new Date().getFullYear() + 2).slice(-2)}`);
  await page.locator(byLabel('Security code')).fill('123');
  await Promise.all([page.waitForNavigation(), page.locator(byRoleAndName('button', 'Place order')).click()]);
  if (!/\/orders\/[^/]+$/.test(new URL(page.url()).pathname)) throw new Error(`Checkout ended on ${page.url()}`);
  return page.url();
}

async function waitForConfirmation(page) {
  await page.waitForFunction(
    () => /Confirmed|Invoiced/.test(document.querySelector('[role="status"]')?.textContent ?? ''),
    { timeout: ORDER_SETTLES_WITHIN_MS, polling: 1000 },
  );
}

exports.handler = async () => {
  const customer = await canaryCustomer();
  const page = await synthetics.getPage();
  await synthetics.executeStep('SignIn', () => signIn(page, customer));
  const product = await synthetics.executeStep('AddToCart', () => addABuyableProductToCart(page));
  log.info(`Added ${product} to the cart`);
  const order = await synthetics.executeStep('PlaceOrder', () => checkOut(page));
  log.info(`Placed ${order}`);
  await synthetics.executeStep('OrderConfirmed', () => waitForConfirmation(page));
};
