import { expect, test } from '@playwright/test';
import { openABuyableProduct, setFlag } from './shop';

test.describe('feature flags', () => {
  // Back to the registry's defaults, whatever a test left: the other tests see the shop as deployed.
  test.afterEach(async () => {
    await setFlag('recommendations', false);
    await setFlag('free-shipping', true, { thresholdMinor: 5000 });
  });

  test('switching recommendations on shows "You may also like" on the next request, with no restart', async ({ page }) => {
    await setFlag('recommendations', false);
    await openABuyableProduct(page);
    await expect(page.getByRole('heading', { name: 'You may also like' })).toHaveCount(0);

    await setFlag('recommendations', true);
    await page.reload();

    await expect(page.getByRole('heading', { name: 'You may also like' })).toBeVisible();
    await expect(page.getByRole('list', { name: 'Recommended products' }).getByRole('link').first()).toBeVisible();
  });

  test('the free-shipping banner follows the flag and its threshold attribute', async ({ page }) => {
    await setFlag('free-shipping', true, { thresholdMinor: 2500 });
    await page.goto('/');
    await expect(page.getByText('Free shipping over £25').first()).toBeVisible();

    await setFlag('free-shipping', false);
    await page.reload();

    await expect(page.getByText(/Free shipping over/)).toHaveCount(0);
  });
});
