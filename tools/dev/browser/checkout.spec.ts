import { expect, test } from '@playwright/test';
import { addToCart, availableUnits, CARDS, checkOut, customer, emptyCart, openABuyableProduct, signIn } from './shop';

test.describe('buying in the storefront', () => {
  test('a customer browses, adds to the cart, pays with an approving card, sees the order confirmed and downloads its invoice', async ({
    page,
  }) => {
    await signIn(page, customer);
    await emptyCart(page);
    await openABuyableProduct(page);
    const productName = await page.getByRole('heading', { level: 1 }).textContent();

    await addToCart(page);
    await expect(
      page.getByRole('list', { name: 'Products in your cart' }).getByRole('link', { name: productName! }),
    ).toBeVisible();
    const orderId = await checkOut(page, CARDS.approves);

    // The order page follows the checkout workflow live until it settles.
    await expect(page.getByRole('status')).toContainText(/Confirmed|Invoiced/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Order ${orderId}`);
    await expect(page.getByRole('listitem').filter({ hasText: 'Payment authorized' })).toBeVisible();
    // The invoices service invoices the order from Order.OrderConfirmed; the page offers its PDF once issued.
    const download = page.getByRole('link', { name: /Download invoice INV-\d{4}-\d{6} \(PDF\)/ });
    await expect(download).toBeVisible();
    const pdf = await page.request.get((await download.getAttribute('href'))!);
    expect(pdf.status()).toBe(200);
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
  });

  test('a declined card cancels the order, says why, and leaves the stock as it was', async ({ page }) => {
    await signIn(page, customer);
    await emptyCart(page);
    const productId = await openABuyableProduct(page);
    const before = await availableUnits(productId);
    await addToCart(page);

    await checkOut(page, CARDS.declines);

    await expect(page.getByRole('status')).toContainText('Cancelled');
    await expect(page.getByText('Your card was declined.')).toBeVisible();
    // The compensation releases what the workflow reserved before the payment failed.
    await expect.poll(() => availableUnits(productId)).toBe(before);
  });
});
