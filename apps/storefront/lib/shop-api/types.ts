import { z } from 'zod';

// The shapes the pages use. The facade parses every answer with these (unknown keys dropped), so a page
// never sees a raw payload and a backend change fails loudly in one place.

export const Money = z.object({ amount: z.number().int(), currency: z.string() });
export type Money = z.infer<typeof Money>;

export const Address = z.object({
  name: z.string().min(1).max(200),
  line1: z.string().min(1).max(200),
  line2: z.string().min(1).max(200).optional(),
  city: z.string().min(1).max(100),
  region: z.string().min(1).max(100).optional(),
  postalCode: z.string().min(1).max(20),
  country: z.string().regex(/^[A-Z]{2}$/, 'Use a two-letter country code, such as GB'),
});
export type Address = z.infer<typeof Address>;

export const ProductImage = z.object({ key: z.string(), alt: z.string() });

export const Product = z.object({
  id: z.string(),
  sku: z.string(),
  name: z.string(),
  description: z.string().default(''),
  category: z.string(),
  price: Money,
  taxRateBasisPoints: z.number().int(),
  images: z.array(ProductImage).default([]),
  status: z.enum(['ACTIVE', 'DISCONTINUED']),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Product = z.infer<typeof Product>;

/** A product with the units that can be bought now. */
export const ProductDetail = Product.extend({ available: z.number().int() });
export type ProductDetail = z.infer<typeof ProductDetail>;

export const ProductPage = z.object({ items: z.array(Product), nextCursor: z.string().optional() });
export type ProductPage = z.infer<typeof ProductPage>;

export const ProductSort = z.enum(['newest', 'name', 'price-asc', 'price-desc']);
export type ProductSort = z.infer<typeof ProductSort>;

export const StockLevel = z.object({ sku: z.string(), productId: z.string(), onHand: z.number(), reserved: z.number(), available: z.number() });
export type StockLevel = z.infer<typeof StockLevel>;

const CartTotals = z.object({ net: Money, tax: Money, gross: Money, itemCount: z.number().int() });

export const CartLine = z.discriminatedUnion('available', [
  z.object({
    available: z.literal(true),
    productId: z.string(),
    sku: z.string(),
    name: z.string(),
    quantity: z.number().int(),
    unitPrice: Money,
    gross: Money,
    imageKey: z.string().optional(),
  }),
  z.object({
    available: z.literal(false),
    productId: z.string(),
    sku: z.string(),
    name: z.string().optional(),
    quantity: z.number().int(),
    reason: z.string(),
  }),
]);
export type CartLine = z.infer<typeof CartLine>;

export const Cart = z.object({
  id: z.string(),
  owner: z.enum(['guest', 'customer']),
  currency: z.string(),
  lines: z.array(CartLine),
  totals: CartTotals,
});
export type Cart = z.infer<typeof Cart>;

export const OrderStatus = z.enum(['PENDING', 'STOCK_RESERVED', 'PAYMENT_AUTHORIZED', 'CONFIRMED', 'CANCELLED']);
export type OrderStatus = z.infer<typeof OrderStatus>;

export const OrderTotals = z.object({ subtotal: Money, shipping: Money, tax: Money, total: Money });

export const OrderSummary = z.object({
  id: z.string(),
  status: OrderStatus,
  reasonCode: z.string().optional(),
  totals: OrderTotals,
  itemCount: z.number().int(),
  createdAt: z.string(),
});
export type OrderSummary = z.infer<typeof OrderSummary>;

export const OrderLine = z.object({
  sku: z.string(),
  productId: z.string(),
  name: z.string(),
  quantity: z.number().int(),
  unitPrice: Money,
  total: Money,
});

export const Order = OrderSummary.extend({
  lines: z.array(OrderLine),
  shippingAddress: Address,
  billingAddress: Address,
  history: z.array(z.object({ status: OrderStatus, at: z.string(), reasonCode: z.string().optional() })),
});
export type Order = z.infer<typeof Order>;

export const OrderPage = z.object({ items: z.array(OrderSummary), nextCursor: z.string().optional() });
export type OrderPage = z.infer<typeof OrderPage>;

export const CheckoutAccepted = z.object({ orderId: z.string(), status: z.string() });
export type CheckoutAccepted = z.infer<typeof CheckoutAccepted>;

export const Invoice = z.object({
  invoice: z.looseObject({ id: z.string(), number: z.string(), issuedAt: z.string() }),
  pdf: z.object({ url: z.url() }),
});
export type Invoice = z.infer<typeof Invoice>;

export const Profile = z.object({
  name: z.string(),
  shippingAddress: Address.optional(),
  billingAddress: Address.optional(),
  marketingConsent: z.boolean(),
});
export type Profile = z.infer<typeof Profile>;

export const CardToken = z.object({ id: z.string(), brand: z.enum(['visa', 'mastercard', 'amex']), last4: z.string() });
export type CardToken = z.infer<typeof CardToken>;

export interface Card {
  readonly number: string;
  readonly expMonth: number;
  readonly expYear: number;
  readonly cvc: string;
}

export interface CheckoutInput {
  readonly cartId: string;
  readonly email: string;
  readonly shippingAddress: Address;
  readonly billingAddress?: Address;
  readonly paymentToken: string;
  readonly idempotencyKey: string;
}

export interface NewProduct {
  readonly sku: string;
  readonly name: string;
  readonly description?: string;
  readonly category: string;
  readonly price: Money;
  readonly taxRateBasisPoints: number;
  readonly images?: readonly { key: string; alt: string }[];
  readonly stock?: number;
}

export type ProductChanges = Partial<Pick<Product, 'name' | 'description' | 'price' | 'images' | 'status'>>;

/** Who is signed in, read from the ID token's claims. */
export interface Viewer {
  readonly sub: string;
  readonly email: string;
  readonly groups: readonly string[];
}

export interface Tokens {
  readonly idToken: string;
  readonly refreshToken?: string;
}
