import { expect, test } from '@playwright/test';
import { addToCart, admin, CARDS, checkOut, customer, emptyCart, openABuyableProduct, signIn } from './shop';

test.describe('signing in', () => {
  test('a customer finds an order they placed in their order history', async ({ page }) => {
    await signIn(page, customer);
    await emptyCart(page);
    await openABuyableProduct(page);
    await addToCart(page);
    const orderId = await checkOut(page, CARDS.approves);

    await page.getByRole('link', { name: 'Orders' }).click();

    await expect(page.getByRole('heading', { name: 'Your orders' })).toBeVisible();
    await expect(page.getByRole('row').filter({ hasText: orderId })).toBeVisible();
  });

  test('the admin sees the admin pages, and signing out ends the session', async ({ page }) => {
    await signIn(page, admin);

    await page.getByRole('link', { name: 'Admin' }).click();
    await expect(page).toHaveURL(/\/admin\/products/);
    await page.getByRole('button', { name: 'Sign out' }).click();

    await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Admin' })).toHaveCount(0);
  });

  test('a wrong password is refused with a message', async ({ page }) => {
    await page.goto('/sign-in');
    await page.getByLabel('Email address').fill(customer.email);
    await page.getByLabel('Password').fill('Not-The-Password-1!');

    await page.getByRole('button', { name: 'Sign in' }).click();

    await expect(page.getByText('Incorrect email or password.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Sign out' })).toHaveCount(0);
  });
});
