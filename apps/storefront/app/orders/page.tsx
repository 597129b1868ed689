import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { formatDateTime, formatMoney } from '@/lib/format';
import { STATUS_LABELS } from '@/lib/orders/timeline';
import { getSession } from '@/lib/shop-api/server';
import { one } from '../listing-params';

export const metadata: Metadata = { title: 'Your orders' };

export default async function OrdersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const cursor = one((await searchParams).cursor);
  const { api, viewer } = await getSession();
  if (!viewer) redirect('/sign-in?next=/orders');
  const page = await api.listOrders({ limit: 20, ...(cursor && { cursor }) });
  return (
    <>
      <h1>Your orders</h1>
      {page.items.length === 0 ? (
        <p>
          No orders yet. <Link href="/">Start shopping</Link>.
        </p>
      ) : (
        <table className="orders">
          <caption className="visually-hidden">Your orders, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Order</th>
              <th scope="col">Placed</th>
              <th scope="col">Items</th>
              <th scope="col">Total</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {page.items.map((order) => (
              <tr key={order.id}>
                <th scope="row">
                  <Link href={`/orders/${order.id}`}>{order.id}</Link>
                </th>
                <td>{formatDateTime(order.createdAt)}</td>
                <td>{order.itemCount}</td>
                <td>{formatMoney(order.totals.total)}</td>
                <td>{STATUS_LABELS[order.status]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <nav className="pager" aria-label="Pages">
        {cursor && <Link href="/orders">Newest orders</Link>}
        {page.nextCursor && <Link href={`/orders?cursor=${encodeURIComponent(page.nextCursor)}`}>Older orders</Link>}
      </nav>
    </>
  );
}
