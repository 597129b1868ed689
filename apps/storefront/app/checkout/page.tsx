import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { CheckoutForm } from '@/components/checkout/checkout-form';
import { acceptedBrands, TEST_CARDS } from '@/lib/checkout/cards';
import { getFlags } from '@/lib/flags';
import { formatMoney } from '@/lib/format';
import { getSession } from '@/lib/shop-api/server';
import type { Profile } from '@/lib/shop-api/types';

export const metadata: Metadata = { title: 'Checkout' };

const BRAND_NAMES = { visa: 'Visa', mastercard: 'Mastercard', amex: 'American Express' } as const;

export default async function CheckoutPage() {
  const { api, viewer } = await getSession();
  if (!viewer) redirect('/sign-in?next=/checkout');
  const [cart, flags, profile] = await Promise.all([
    api.getMyCart(),
    getFlags(),
    // The profile only pre-fills the form; checkout works without it.
    api.getMe().catch((): Profile | undefined => undefined),
  ]);
  if (cart.lines.length === 0) redirect('/cart');
  const brands = acceptedBrands(flags['amex-payments'].enabled);
  const cards = TEST_CARDS.filter((card) => brands.includes(card.brand));
  return (
    <>
      <h1>Checkout</h1>
      <p>
        {cart.totals.itemCount} items, {formatMoney(cart.totals.gross)} including VAT. <Link href="/cart">Change the cart</Link>
      </p>
      <div className="checkout">
        <CheckoutForm
          idempotencyKey={crypto.randomUUID()}
          shipping={profile?.shippingAddress}
          billing={profile?.billingAddress}
          brandsText={`We accept ${brands.map((brand) => BRAND_NAMES[brand]).join(', ')}.`}
        />
        <aside className="test-cards" aria-labelledby="test-cards">
          <h2 id="test-cards">Test cards</h2>
          <p>This shop takes no real money. Use any future expiry date and any security code of the right length.</p>
          <ul>
            {cards.map((card) => (
              <li key={card.number}>
                <code>{card.number}</code> {BRAND_NAMES[card.brand]}: {card.does}
              </li>
            ))}
          </ul>
        </aside>
      </div>
    </>
  );
}
