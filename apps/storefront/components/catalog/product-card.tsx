import Link from 'next/link';
import { formatMoney, imageUrl } from '@/lib/format';
import type { Product } from '@/lib/shop-api/types';

export function ProductCard({ product, imagesUrl }: { readonly product: Product; readonly imagesUrl: string }) {
  const image = product.images[0];
  return (
    <li className="product-card">
      <Link href={`/products/${product.id}`}>
        {image ? (
          // A plain img: catalog images are small SVGs, which next/image would not optimise anyway.
          <img src={imageUrl(imagesUrl, image.key)} alt={image.alt} width={240} height={240} loading="lazy" />
        ) : (
          <div className="no-image" aria-hidden="true" />
        )}
        <span className="product-name">{product.name}</span>
      </Link>
      <span className="price">{formatMoney(product.price)}</span>
    </li>
  );
}

export function ProductGrid({ products, imagesUrl, label }: { readonly products: readonly Product[]; readonly imagesUrl: string; readonly label: string }) {
  if (products.length === 0) return <p>No products to show.</p>;
  return (
    <ul className="product-grid" aria-label={label}>
      {products.map((product) => (
        <ProductCard key={product.id} product={product} imagesUrl={imagesUrl} />
      ))}
    </ul>
  );
}
