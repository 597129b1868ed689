import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden, notFound, redirect } from 'next/navigation';
import { EditProductForm, RestockForm } from '@/components/admin/edit-product-form';
import { availabilityText } from '@/lib/catalog';
import { isAdmin } from '@/lib/session/claims';
import { hasCode } from '@/lib/shop-api/errors';
import { getSession } from '@/lib/shop-api/server';

export const metadata: Metadata = { title: 'Edit product (admin)' };

export default async function AdminProductPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { api, viewer } = await getSession();
  if (!viewer) redirect(`/sign-in?next=/admin/products/${encodeURIComponent(id)}`);
  if (!isAdmin(viewer)) forbidden();
  const product = await api.getProduct(id).catch((error: unknown) => {
    if (hasCode(error, 'PRODUCTS.NOT_FOUND')) notFound();
    throw error;
  });
  return (
    <div className="narrow">
      <p>
        <Link href="/admin/products">All products</Link>
      </p>
      <h1>{product.name}</h1>
      <p>
        SKU {product.sku}, category {product.category}. {availabilityText(product.available, product.status)} ({product.available} available).
      </p>
      <h2>Details</h2>
      <EditProductForm product={product} />
      <h2>Restock</h2>
      <RestockForm productId={product.id} />
    </div>
  );
}
