import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden, redirect } from 'next/navigation';
import { formatMoney } from '@/lib/format';
import { isAdmin } from '@/lib/session/claims';
import { getSession } from '@/lib/shop-api/server';
import { one } from '../../listing-params';

export const metadata: Metadata = { title: 'Products (admin)' };

export default async function AdminProductsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const cursor = one((await searchParams).cursor);
  const { api, viewer } = await getSession();
  if (!viewer) redirect('/sign-in?next=/admin/products');
  if (!isAdmin(viewer)) forbidden();
  const page = await api.listProducts({ sort: 'name', limit: 50, ...(cursor && { cursor }) });
  return (
    <>
      <h1>Products</h1>
      <table>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">SKU</th>
            <th scope="col">Category</th>
            <th scope="col">Price</th>
          </tr>
        </thead>
        <tbody>
          {page.items.map((product) => (
            <tr key={product.id}>
              <th scope="row">
                <Link href={`/admin/products/${product.id}`}>{product.name}</Link>
              </th>
              <td>{product.sku}</td>
              <td>{product.category}</td>
              <td>{formatMoney(product.price)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {page.nextCursor && <Link href={`/admin/products?cursor=${encodeURIComponent(page.nextCursor)}`}>Next page</Link>}
    </>
  );
}
