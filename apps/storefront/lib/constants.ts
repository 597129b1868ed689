/** Cache tags of data read through the facade; mutations revalidate them. */
export const TAGS = {
  products: 'products',
} as const;

/** Cookie names of the session and the guest cart. */
export const COOKIES = {
  idToken: 'shop_id',
  refreshToken: 'shop_refresh',
  guestCart: 'shop_cart',
} as const;

/** How long listings are reused before the catalog is read again (stock on the product page is always fresh). */
export const CATALOG_REVALIDATE_SECONDS = 60;

export const PAGE_SIZE = 12;

/** The request header that carries the correlation id from the proxy to the facade and the backend. */
export const CORRELATION_HEADER = 'x-correlation-id';
