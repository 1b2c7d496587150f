import { Injectable } from '@nestjs/common';
import { TtlCache } from '../common/ttl-cache';
import type { Supply } from './supply.repository';

/** How long the catalog may show a product's supply read by another API instance. */
export const CATALOG_SUPPLY_TTL_MS = 1_000;

type Reader = (productIds: string[]) => Promise<Map<string, Supply>>;

/**
 * What the catalog shows of stock and open receipts, per warehouse and
 * product, for a second: browsing is most of the traffic, and many buyers
 * look at the same pages. Promises for carts and orders never come from
 * here; they read fresh (orders under lock), so a unit is never promised
 * twice whatever this shows.
 *
 * Every change to stock or receipts made through this process evicts the
 * products it touched at once, and a read that raced a change is not kept
 * (a generation counter), so this process's next catalog read shows it.
 * Identical reads in flight together share one query.
 */
@Injectable()
export class CatalogSupplyCache {
  private readonly entries = new TtlCache<string, Supply>(CATALOG_SUPPLY_TTL_MS, 50_000);
  private readonly inFlight = new Map<string, Promise<Map<string, Supply>>>();
  private generation = 0;

  async load(warehouseCode: string, productIds: string[], read: Reader): Promise<Map<string, Supply>> {
    const found = new Map<string, Supply>();
    const missing: string[] = [];
    for (const id of productIds) {
      const cached = this.entries.get(key(warehouseCode, id));
      if (cached) found.set(id, cached);
      else missing.push(id);
    }
    if (missing.length === 0) return found;
    const loaded = await this.shared(warehouseCode, missing, read);
    for (const [id, supply] of loaded) found.set(id, supply);
    return found;
  }

  /** Stock or receipts of these products at the warehouse changed (or are about to, in a transaction). */
  changed(warehouseCode: string, productIds: Iterable<string>): void {
    this.generation += 1;
    for (const id of productIds) this.entries.evict(key(warehouseCode, id));
    // Reads already under way may predate the change: later readers start their own.
    this.inFlight.clear();
  }

  private shared(warehouseCode: string, ids: string[], read: Reader): Promise<Map<string, Supply>> {
    const flightKey = `${warehouseCode}|${ids.join(',')}`;
    const pending = this.inFlight.get(flightKey);
    if (pending) return pending;
    const generation = this.generation;
    const loading = read(ids)
      .then((loaded) => {
        if (generation === this.generation) {
          for (const [id, supply] of loaded) this.entries.set(key(warehouseCode, id), supply);
        }
        return loaded;
      })
      .finally(() => {
        if (this.inFlight.get(flightKey) === loading) this.inFlight.delete(flightKey);
      });
    this.inFlight.set(flightKey, loading);
    return loading;
  }
}

const key = (warehouseCode: string, productId: string) => `${warehouseCode}:${productId}`;
