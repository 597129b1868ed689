import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { addToCart } from '@/components/cart/actions';
import { ProductGrid } from '@/components/catalog/product-card';
import { availabilityText, recommendationsFor } from '@/lib/catalog';
import { getConfig } from '@/lib/config';
import { getFlags } from '@/lib/flags';
import { categoryLabel, formatMoney, imageUrl } from '@/lib/format';
import { messageFor } from '@/lib/messages';
import { hasCode } from '@/lib/shop-api/errors';
import { getSession } from '@/lib/shop-api/server';
import type { ProductDetail } from '@/lib/shop-api/types';
import { one } from '../../listing-params';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

async function loadProduct(id: string): Promise<ProductDetail> {
  const { api } = await getSession();
  try {
    return await api.getProduct(id);
  } catch (error) {
    if (hasCode(error, 'PRODUCTS.NOT_FOUND', 'REQUEST.INVALID')) notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const product = await loadProduct((await params).id);
  return { title: product.name, description: product.description.slice(0, 160) };
}

export default async function ProductPage({ params, searchParams }: Props) {
  const { id } = await params;
  const error = one((await searchParams).error);
  const [product, flags, { api }] = await Promise.all([loadProduct(id), getFlags(), getSession()]);
  const { imagesUrl } = getConfig();
  const canBuy = product.status === 'ACTIVE' && product.available > 0;
  const recommendations = flags.recommendations.enabled
    ? recommendationsFor(product, (await api.listProducts({ category: product.category, limit: 12 })).items)
    : [];
  return (
    <>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link href={`/category/${product.category}`}>{categoryLabel(product.category)}</Link>
      </nav>
      <article className="product">
        <div className="gallery">
          {product.images.map((image, index) => (
            // A plain img: catalog images are small SVGs, which next/image would not optimise anyway.
            <img key={image.key} src={imageUrl(imagesUrl, image.key)} alt={image.alt} width={480} height={480} fetchPriority={index === 0 ? 'high' : 'auto'} />
          ))}
        </div>
        <div className="details">
          <h1>{product.name}</h1>
          <p className="price">{formatMoney(product.price)}</p>
          <p className={canBuy ? 'availability' : 'availability unavailable'}>{availabilityText(product.available, product.status)}</p>
          <p>{product.description}</p>
          {error && (
            <p role="alert" className="notice error">
              {messageFor(error)}
            </p>
          )}
          {canBuy && (
            <form action={addToCart.bind(null, product.id)} className="add-to-cart">
              <div className="field">
                <label htmlFor="quantity">Quantity</label>
                <input id="quantity" name="quantity" type="number" min={1} max={Math.min(99, product.available)} defaultValue={1} />
              </div>
              <button type="submit">Add to cart</button>
            </form>
          )}
        </div>
      </article>
      {recommendations.length > 0 && (
        <section aria-labelledby="recommendations" data-flag="recommendations">
          <h2 id="recommendations">You may also like</h2>
          <ProductGrid products={recommendations} imagesUrl={imagesUrl} label="Recommended products" />
        </section>
      )}
    </>
  );
}
