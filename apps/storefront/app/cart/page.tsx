import type { Metadata } from 'next';
import Link from 'next/link';
import { removeFromCart, setQuantity } from '@/components/cart/actions';
import { currentCart } from '@/components/cart/cart-id';
import { getConfig } from '@/lib/config';
import { getFlags } from '@/lib/flags';
import { formatMoney, freeShippingText, imageUrl } from '@/lib/format';
import { messageFor } from '@/lib/messages';
import { getSession } from '@/lib/shop-api/server';
import type { CartLine } from '@/lib/shop-api/types';
import { one } from '../listing-params';

export const metadata: Metadata = { title: 'Your cart' };

const UNAVAILABLE: Record<string, string> = {
  PRODUCT_NOT_FOUND: 'no longer in our catalogue',
  PRODUCT_UNAVAILABLE: 'no longer sold',
  CURRENCY_MISMATCH: 'priced in another currency',
};

function Line({ line, imagesUrl }: { readonly line: CartLine; readonly imagesUrl: string }) {
  const name = line.name ?? line.sku;
  return (
    <li className="cart-line">
      {line.available && line.imageKey && <img src={imageUrl(imagesUrl, line.imageKey)} alt="" width={80} height={80} />}
      <div className="line-info">
        <Link href={`/products/${line.productId}`}>{name}</Link>
        {line.available ? <span>{formatMoney(line.unitPrice)} each</span> : <span className="unavailable">Cannot be bought: {UNAVAILABLE[line.reason] ?? 'unavailable'}</span>}
      </div>
      <form action={setQuantity.bind(null, line.productId)} className="quantity-form">
        <label htmlFor={`qty-${line.productId}`}>Quantity of {name}</label>
        <input id={`qty-${line.productId}`} name="quantity" type="number" min={0} max={99} defaultValue={line.quantity} />
        <button type="submit" className="secondary">Update</button>
      </form>
      <form action={removeFromCart.bind(null, line.productId)}>
        <button type="submit" className="link-button" aria-label={`Remove ${name}`}>
          Remove
        </button>
      </form>
      {line.available && <span className="line-total">{formatMoney(line.gross)}</span>}
    </li>
  );
}

export default async function CartPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const error = one((await searchParams).error);
  const session = await getSession();
  const [cart, flags] = await Promise.all([currentCart(session), getFlags()]);
  const { imagesUrl } = getConfig();
  const freeShipping = flags['free-shipping'];
  return (
    <>
      <h1>Your cart</h1>
      {error && (
        <p role="alert" className="notice error">
          {messageFor(error)}
        </p>
      )}
      {!cart || cart.lines.length === 0 ? (
        <p>
          Your cart is empty. <Link href="/">Browse the shop</Link>.
        </p>
      ) : (
        <>
          <ul className="cart-lines" aria-label="Products in your cart">
            {cart.lines.map((line) => (
              <Line key={line.productId} line={line} imagesUrl={imagesUrl} />
            ))}
          </ul>
          <dl className="totals">
            <dt>Items</dt>
            <dd>{cart.totals.itemCount}</dd>
            <dt>VAT included</dt>
            <dd>{formatMoney(cart.totals.tax)}</dd>
            <dt>Total</dt>
            <dd className="grand-total">{formatMoney(cart.totals.gross)}</dd>
          </dl>
          {freeShipping.enabled && cart.totals.gross.amount >= freeShipping.thresholdMinor && <p className="notice success">This order ships free.</p>}
          {freeShipping.enabled && cart.totals.gross.amount < freeShipping.thresholdMinor && (
            <p className="hint">{freeShippingText(freeShipping.thresholdMinor, cart.currency)}.</p>
          )}
          <Link href="/checkout" className="button">
            Check out
          </Link>
        </>
      )}
    </>
  );
}
