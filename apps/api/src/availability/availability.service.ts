import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type {
  InboundOutlook,
  PromiseLine,
  PromiseLineRequest,
  PromiseResponse,
  ProductAvailability,
} from '@tradecounter/contracts';
import {
  addBusinessDays,
  firstUnitDates,
  LinePromise,
  ProductSupply,
  PromiseDays,
  promiseDays,
  promiseLines,
  PromiseSettings,
  referencedKeys,
  resolveLineReferences,
} from '@tradecounter/domain';
import { ChangeNotices, EVERYTHING } from '../common/change-notices';
import { refuseBadLines } from '../common/http/line-problems';
import { badRequest, conflict } from '../common/http/problem';
import { TtlCache } from '../common/ttl-cache';
import { CatalogSupplyCache } from './catalog-supply.cache';
import { PromiseSettingsCache, SETTINGS_TTL_MS } from './promise-settings.cache';
import { ReceiptChange, ReceiptHandler, ReceiptHooks } from './receipt-hooks';
import { InboundUnits, PromisableProduct, StockUnits, Supply, SupplyRepository } from './supply.repository';

export interface PromiseInput {
  /** The account promised for (its default warehouse applies); null for none. */
  accountId: string | null;
  /** Overrides the account's default warehouse. */
  warehouseCode?: string;
  /** The order instant. */
  at: Date;
  lines: PromiseLineRequest[];
  /**
   * The lines' products, when the caller has just read them in the same
   * transaction (ordering does, to price them): not read a second time.
   */
  products?: PromisableProduct[];
}

/** A promised line with what reserving it takes: stock units, inbound allocations, backorder. */
export interface PromisedLine extends PromiseLine {
  reservation: Omit<LinePromise, 'splits'>;
}

export interface PromiseOutcome {
  response: PromiseResponse;
  /** In request order, one per line. */
  lines: PromisedLine[];
}

/** What a set of order lines holds: stock units per product, inbound units per receipt. */
export interface HeldUnits {
  stock: StockUnits[];
  inbound: InboundUnits[];
}

export type { InboundUnits, PromisableProduct, ReceiptChange, ReceiptHandler, StockUnits };

export interface PromiseOptions {
  /**
   * Read in the caller's transaction and lock the stock rows and open
   * receipts read until it ends: what ordering does before it reserves.
   * Without it, the account's default warehouse may come from a cache.
   */
  lock?: boolean;
}

/** What the catalog shows per product: availability, and for a product page the receipts to come. */
export interface CatalogAvailability {
  availability: ProductAvailability;
  inbound: InboundOutlook[];
}

/**
 * The one place promises are made. The promise route, the catalog, the cart
 * and ordering all use it, so the promise a buyer sees is the one the order
 * reserves: ordering calls `promise` inside its own transaction with
 * `{ lock: true }`, then reserves each line's `reservation`.
 *
 * Queries, whatever the number of lines or products: the products, and their
 * stock and open receipts in one more (locked, when locking). The calendar
 * (warehouses, holidays) and accounts' default warehouses are cached for
 * seconds, and evicted in every API process by the change notices.
 */
@Injectable()
export class AvailabilityService {
  private readonly accountWarehouses = new TtlCache<string, string | null>(SETTINGS_TTL_MS, 10_000);

  constructor(
    private readonly supply: SupplyRepository,
    private readonly calendar: PromiseSettingsCache,
    private readonly dataSource: DataSource,
    private readonly receipts: ReceiptHooks,
    private readonly catalogSupply: CatalogSupplyCache,
    changes: ChangeNotices,
  ) {
    changes.on('account', (accountId) =>
      accountId === EVERYTHING ? this.accountWarehouses.clear() : this.accountWarehouses.evict(accountId),
    );
  }

  async promise(
    manager: EntityManager,
    input: PromiseInput,
    options: PromiseOptions = {},
  ): Promise<PromiseOutcome> {
    const lock = options.lock === true;
    const { warehouseCode, settings } = await this.warehouseFor(manager, input, lock);
    const { ids: named, skus } = referencedKeys(input.lines);
    // Lines naming products by id (carts, orders) need not wait for the products to read their supply;
    // a transaction's queries run one after another on its connection anyway.
    const early =
      !lock && skus.length === 0 ? this.supply.load(manager, warehouseCode, named, false) : undefined;
    void early?.catch(() => undefined); // awaited below, unless the lines turn out invalid first
    const found = input.products ?? (await this.supply.products(manager, named, skus));
    // The same reading of lines as the catalog's LineResolver (which sits above this context): quantities
    // are promised as asked, pack rules are ordering's to hold.
    const products = refuseBadLines(resolveLineReferences(input.lines, found, { packRules: false })).map(
      (line) => line.product,
    );
    const ids = [...new Set(products.map((product) => product.id))];
    const supply = (await early) ?? (await this.supply.load(manager, warehouseCode, ids, lock));
    const byId = new Map(found.map((product) => [product.id, product]));
    const promised = promiseLines(
      products.map((product, index) => ({ key: product.id, quantity: input.lines[index]?.quantity ?? 0 })),
      (id) => toSupply(supply.get(id), byId.get(id)?.leadTimeDays ?? 0),
      settings,
      input.at,
    );
    const used = new Map<string, number>();
    const lines = products.map((product, index): PromisedLine => {
      const promise = promised.lines[index] as LinePromise;
      const stock = supply.get(product.id);
      const available = Math.max(
        0,
        (stock?.onHand ?? 0) - (stock?.reserved ?? 0) - (used.get(product.id) ?? 0),
      );
      used.set(product.id, (used.get(product.id) ?? 0) + promise.fromStock);
      const { splits, ...reservation } = promise;
      return {
        productId: product.id,
        sku: product.sku,
        quantity: input.lines[index]?.quantity ?? 0,
        available,
        backorderable: product.backorderable,
        splits,
        reservation,
      };
    });
    return {
      response: {
        warehouseCode,
        orderDate: promised.days.orderDate,
        lines: lines.map(({ reservation: _reservation, ...line }) => line),
        shipComplete: promised.shipComplete,
      },
      lines,
    };
  }

  /** The business calendar's holidays (cached for seconds, as every promise reads them). */
  holidays(): Promise<ReadonlySet<string>> {
    return this.calendar.holidays();
  }

  /**
   * Reserves what `promise(..., { lock: true })` promised, in the same
   * transaction: stock units become reserved, inbound units allocated. Every
   * statement guards itself (never past on hand, never past a receipt's
   * quantity); should a guard refuse, it is a 409 and the caller's
   * transaction rolls back, so nothing partial is kept.
   */
  async reserve(manager: EntityManager, warehouseCode: string, units: HeldUnits): Promise<void> {
    const stock = merged(units.stock, (unit) => unit.productId).map(([productId, qty]) => ({
      productId,
      qty,
    }));
    const inbound = merged(units.inbound, (unit) => unit.inboundId).map(([inboundId, qty]) => ({
      inboundId,
      qty,
    }));
    const reserved = await this.supply.reserveStock(manager, warehouseCode, stock);
    const allocated = await this.supply.allocateInbound(manager, inbound);
    this.catalogSupply.changed(warehouseCode, [...reserved, ...allocated]);
    if (reserved.length !== stock.length || allocated.length !== inbound.length) {
      throw conflict('Stock changed while the order was placed; please try again');
    }
  }

  /**
   * Locks what `release` will give back (stock rows by product, then the
   * receipts), in the order every writer follows. Read the units held only
   * after this: a receipt received meanwhile has moved its allocation to stock.
   */
  lockHeld(manager: EntityManager, warehouseCode: string, productIds: string[], inboundIds: string[]) {
    return this.supply.lock(manager, warehouseCode, [...new Set(productIds)].sort(), [
      ...new Set(inboundIds),
    ]);
  }

  /** Gives back units an order held (cancelled, rejected), after `lockHeld`. */
  async release(manager: EntityManager, warehouseCode: string, units: HeldUnits): Promise<void> {
    const stock = merged(units.stock, (unit) => unit.productId).map(([productId, qty]) => ({
      productId,
      qty,
    }));
    const inbound = merged(units.inbound, (unit) => unit.inboundId).map(([inboundId, qty]) => ({
      inboundId,
      qty,
    }));
    const released = await this.supply.releaseStock(manager, warehouseCode, stock);
    const freed = await this.supply.releaseInbound(manager, inbound);
    this.catalogSupply.changed(warehouseCode, [...released, ...freed]);
    if (released.length !== stock.length || freed.length !== inbound.length) {
      // Held units always exist to give back; anything else is a bug, never to be papered over.
      throw new Error(`Releasing held units at ${warehouseCode} found fewer than were held`);
    }
  }

  /**
   * Reserved units leave in a shipment: on hand and reserved drop together,
   * so what is available does not move. Call it after `lockHeld` with the
   * products shipped (stock rows locked in product order, as every writer does).
   */
  async ship(manager: EntityManager, warehouseCode: string, units: StockUnits[]): Promise<void> {
    const stock = merged(units, (unit) => unit.productId).map(([productId, qty]) => ({ productId, qty }));
    const shipped = await this.supply.shipStock(manager, warehouseCode, stock);
    this.catalogSupply.changed(warehouseCode, shipped);
    if (shipped.length !== stock.length) {
      // The lines' reservations are stock reserved; fewer reserved units than shipped is a bug.
      throw new Error(`Shipping from ${warehouseCode} found fewer reserved units than the lines hold`);
    }
  }

  /** Runs `handler` inside every transaction that receives or reschedules a promised receipt (see ReceiptHooks). */
  onReceiptChange(handler: ReceiptHandler): void {
    this.receipts.on(handler);
  }

  /**
   * Availability of a page of products at the account's warehouse (or the
   * default one) for one unit ordered now: one query for the page. Empty
   * when no warehouse applies.
   */
  async forCatalog(
    accountId: string | null,
    products: { id: string; leadTimeDays: number }[],
    at = new Date(),
  ): Promise<Map<string, CatalogAvailability>> {
    if (products.length === 0) return new Map();
    const manager = this.dataSource.manager;
    const code = await this.accountWarehouse(manager, accountId, false);
    const found = code ? await this.calendar.settings(code) : undefined;
    if (!code || !found) return new Map();
    const supply = await this.catalogSupply.load(
      code,
      products.map((product) => product.id),
      (ids) => this.supply.load(manager, code, ids, false),
    );
    const days = promiseDays(at, found.settings);
    return new Map(
      products.map((product) => [
        product.id,
        catalogAvailability(
          code,
          toSupply(supply.get(product.id), product.leadTimeDays),
          found.settings,
          days,
        ),
      ]),
    );
  }

  /** The warehouse the catalog shows availability at for this account (its default, else the default one). */
  catalogWarehouse(accountId: string | null): Promise<string | null> {
    return this.accountWarehouse(this.dataSource.manager, accountId, false);
  }

  /** The warehouse named (400 if unknown), else the account's default, else the default warehouse. */
  private async warehouseFor(
    manager: EntityManager,
    input: PromiseInput,
    lock: boolean,
  ): Promise<{ warehouseCode: string; settings: PromiseSettings }> {
    // Inside a caller's transaction, whatever is read runs on its connection (see PromiseSettingsCache).
    const own = lock ? manager : undefined;
    if (input.warehouseCode !== undefined && !(await this.calendar.warehouse(input.warehouseCode, own))) {
      throw badRequest('No warehouse has this code', [
        { field: 'warehouseCode', message: 'is not a known warehouse' },
      ]);
    }
    const code = input.warehouseCode ?? (await this.accountWarehouse(manager, input.accountId, lock));
    const found = code ? await this.calendar.settings(code, own) : undefined;
    if (!code || !found) {
      throw conflict('No warehouse to promise from: name one, or make a warehouse the default');
    }
    return { warehouseCode: code, settings: found.settings };
  }

  private async accountWarehouse(
    manager: EntityManager,
    accountId: string | null,
    fresh: boolean,
  ): Promise<string | null> {
    let code: string | null = null;
    if (accountId) {
      const read = () => this.supply.accountWarehouse(manager, accountId);
      code = (fresh ? await read() : await this.accountWarehouses.getOrLoad(accountId, read)) ?? null;
    }
    return code ?? (await this.calendar.defaultCode(fresh ? manager : undefined)) ?? null;
  }
}

/** Positive quantities summed per key, in key order (so rows are always touched in one order). */
function merged<T extends { qty: number }>(units: T[], key: (unit: T) => string): [string, number][] {
  const totals = new Map<string, number>();
  for (const unit of units) {
    if (unit.qty > 0) totals.set(key(unit), (totals.get(key(unit)) ?? 0) + unit.qty);
  }
  return [...totals.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

function toSupply(supply: Supply | undefined, leadTimeDays: number): ProductSupply {
  return {
    available: (supply?.onHand ?? 0) - (supply?.reserved ?? 0),
    inbound: supply?.inbound ?? [],
    leadTimeDays,
  };
}

function catalogAvailability(
  warehouseCode: string,
  supply: ProductSupply,
  settings: PromiseSettings,
  days: PromiseDays,
): CatalogAvailability {
  const first = firstUnitDates(supply, settings, days);
  return {
    availability: {
      warehouseCode,
      available: Math.max(0, supply.available),
      nextShipDate: first.shipDate,
      nextDeliveryDate: first.deliveryDate,
    },
    inbound: [...supply.inbound]
      .sort((a, b) =>
        a.expectedDate === b.expectedDate ? (a.id < b.id ? -1 : 1) : a.expectedDate < b.expectedDate ? -1 : 1,
      )
      .map((receipt) => {
        const afterReceipt = addBusinessDays(receipt.expectedDate, settings.handlingDays, settings.holidays);
        return {
          qty: receipt.unpromised,
          expectedDate: receipt.expectedDate,
          shipDate: afterReceipt > days.firstDispatchDate ? afterReceipt : days.firstDispatchDate,
        };
      }),
  };
}
