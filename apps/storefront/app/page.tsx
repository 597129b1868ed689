import Link from 'next/link';
import { ProductGrid } from '@/components/catalog/product-card';
import { categoriesOf } from '@/lib/catalog';
import { getConfig } from '@/lib/config';
import { categoryLabel } from '@/lib/format';
import { getSession } from '@/lib/shop-api/server';

export default async function HomePage() {
  const { api } = await getSession();
  const [featured, all] = await Promise.all([api.listProducts({ limit: 8 }), api.listProducts({ limit: 100, sort: 'name' })]);
  return (
    <>
      <h1>New in the shop</h1>
      <ProductGrid products={featured.items} imagesUrl={getConfig().imagesUrl} label="New products" />
      <h2>Shop by category</h2>
      <ul className="category-list">
        {categoriesOf(all.items).map((category) => (
          <li key={category}>
            <Link href={`/category/${category}`}>{categoryLabel(category)}</Link>
          </li>
        ))}
      </ul>
    </>
  );
}
