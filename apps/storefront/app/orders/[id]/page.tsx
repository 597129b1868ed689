import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { OrderRefresher } from '@/components/orders/order-refresher';
import { OrderTimeline } from '@/components/orders/order-timeline';
import { formatMoney } from '@/lib/format';
import { cancellationReason, isSettled, orderTimeline, STATUS_LABELS } from '@/lib/orders/timeline';
import { hasCode } from '@/lib/shop-api/errors';
import { getSession } from '@/lib/shop-api/server';
import type { Address, Invoice } from '@/lib/shop-api/types';

export const metadata: Metadata = { title: 'Your order' };

function AddressBlock({ address }: { readonly address: Address }) {
  return (
    <address>
      {[address.name, address.line1, address.line2, address.city, address.region, address.postalCode, address.country].filter(Boolean).map((part) => (
        <span key={part} className="address-line">
          {part}
        </span>
      ))}
    </address>
  );
}

export default async function OrderPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { api, viewer } = await getSession();
  if (!viewer) redirect(`/sign-in?next=/orders/${encodeURIComponent(id)}`);
  const order = await api.getOrder(id).catch((error: unknown) => {
    if (hasCode(error, 'ORDERS.ORDER_NOT_FOUND', 'REQUEST.INVALID')) notFound();
    throw error;
  });
  // The invoices service may not be deployed yet: a missing invoice never breaks the order page.
  const invoice: Invoice | undefined = order.status === 'CONFIRMED' ? await api.getInvoice(order.id).catch(() => undefined) : undefined;
  const settled = isSettled(order.status, invoice !== undefined);
  return (
    <>
      <h1>Order {order.id}</h1>
      <p role="status" aria-live="polite" className="order-status">
        Status: <strong>{invoice ? 'Invoiced' : STATUS_LABELS[order.status]}</strong>
      </p>
      {order.status === 'CANCELLED' && <p className="notice error">{cancellationReason(order.reasonCode)}</p>}
      <OrderTimeline steps={orderTimeline(order, invoice?.invoice.issuedAt)} />
      {!settled && <OrderRefresher />}
      {!settled && (
        <noscript>
          <p>This page updates itself with JavaScript; reload it to see the latest status.</p>
        </noscript>
      )}
      {invoice && (
        <p>
          <a href={invoice.pdf.url} className="button" download>
            Download invoice {invoice.invoice.number} (PDF)
          </a>
        </p>
      )}
      <h2>Items</h2>
      <ul className="order-lines">
        {order.lines.map((line) => (
          <li key={line.productId}>
            {line.quantity} × {line.name} <span className="line-total">{formatMoney(line.total)}</span>
          </li>
        ))}
      </ul>
      <dl className="totals">
        <dt>Subtotal</dt>
        <dd>{formatMoney(order.totals.subtotal)}</dd>
        <dt>Shipping</dt>
        <dd>{formatMoney(order.totals.shipping)}</dd>
        <dt>VAT</dt>
        <dd>{formatMoney(order.totals.tax)}</dd>
        <dt>Total</dt>
        <dd className="grand-total">{formatMoney(order.totals.total)}</dd>
      </dl>
      <div className="addresses">
        <section aria-labelledby="ship-to">
          <h2 id="ship-to">Delivery address</h2>
          <AddressBlock address={order.shippingAddress} />
        </section>
        <section aria-labelledby="bill-to">
          <h2 id="bill-to">Billing address</h2>
          <AddressBlock address={order.billingAddress} />
        </section>
      </div>
    </>
  );
}
