import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { cartCountOf } from '@/components/cart/cart-count';
import { FreeShippingBanner } from '@/components/layout/free-shipping-banner';
import { SiteHeader } from '@/components/layout/site-header';
import { categoriesOf } from '@/lib/catalog';
import { getConfig } from '@/lib/config';
import { getFlags } from '@/lib/flags';
import { getSession } from '@/lib/shop-api/server';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Shop', template: '%s · Shop' },
  description: 'A reference serverless shop on AWS.',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#1d4ed8' };

/** The navigation's categories; a catalog that cannot be read leaves the menu empty rather than the page broken. */
async function navigationCategories(): Promise<string[]> {
  try {
    const { api } = await getSession();
    return categoriesOf((await api.listProducts({ limit: 100, sort: 'name' })).items);
  } catch (error) {
    console.warn('categories unavailable', error);
    return [];
  }
}

export default async function RootLayout({ children }: { readonly children: ReactNode }) {
  const session = await getSession();
  const [flags, categories, cartCount] = await Promise.all([getFlags(), navigationCategories(), cartCountOf(session)]);
  const freeShipping = flags['free-shipping'];
  return (
    <html lang="en-GB">
      <body>
        <a href="#main" className="skip-link">
          Skip to content
        </a>
        <SiteHeader viewer={session.viewer} categories={categories} cartCount={cartCount} />
        <FreeShippingBanner enabled={freeShipping.enabled} thresholdMinor={freeShipping.thresholdMinor} currency={getConfig().currency} />
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer">
          <p>Shop: a reference serverless application. Prices include VAT.</p>
        </footer>
      </body>
    </html>
  );
}
