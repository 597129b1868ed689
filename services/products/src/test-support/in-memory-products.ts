import { ProductNotFoundError, SkuTakenError } from '../domain/errors';
import { applyStockChange, newStock, restockChange, type Stock } from '../domain/inventory';
import type { Product, UpdatableField } from '../domain/product';
import type { ImageStore, ProductRepository } from '../ports';

/** A ProductRepository in memory, for use-case tests; it follows the port's contract, events aside. */
export class InMemoryProducts implements ProductRepository {
  readonly products = new Map<string, Product>();
  readonly stocks = new Map<string, Stock>();
  readonly updates: { product: Product; changedFields: readonly UpdatableField[] }[] = [];
  /** Saves by someone else to simulate, each just before one of our updates. */
  readonly interleaved: Product[] = [];

  async create(product: Product, initialStock: number): Promise<void> {
    if (this.stocks.has(product.sku)) throw new SkuTakenError(product.sku);
    this.products.set(product.id, product);
    this.stocks.set(product.sku, newStock(product.sku, product.id, product.status, initialStock));
  }

  async get(id: string): Promise<Product | undefined> {
    return this.products.get(id);
  }

  async getBySku(sku: string): Promise<Product | undefined> {
    return [...this.products.values()].find((product) => product.sku === sku);
  }

  async update(previous: Product, next: Product, changedFields: readonly UpdatableField[]): Promise<boolean> {
    const other = this.interleaved.shift();
    if (other) this.products.set(other.id, other);
    if (this.products.get(previous.id)?.revision !== previous.revision) return false;
    this.products.set(next.id, next);
    this.updates.push({ product: next, changedFields });
    return true;
  }

  async restock(sku: string, quantity: number): Promise<Stock> {
    const stock = this.stocks.get(sku);
    if (stock === undefined) throw new ProductNotFoundError(`with SKU ${sku}`);
    const restocked = applyStockChange(stock, restockChange(sku, quantity));
    this.stocks.set(sku, restocked);
    return restocked;
  }

  async getStock(sku: string): Promise<Stock | undefined> {
    return this.stocks.get(sku);
  }
}

/** An ImageStore in memory. */
export class InMemoryImages implements ImageStore {
  readonly objects = new Map<string, { body: string; contentType: string }>();

  async put(key: string, body: string, contentType: string): Promise<void> {
    this.objects.set(key, { body, contentType });
  }
}
