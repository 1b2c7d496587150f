import { Inject, Injectable } from '@nestjs/common';
import type { NextBreak, PriceBreakRow, PriceSource, QuoteLine } from '@tradecounter/contracts';
import {
  applicableBreaks,
  ContractPrice,
  formatMoney,
  formatPercent,
  parseMoney,
  parsePercent,
  VolumeBreak,
  PricedLine,
  priceLine,
  PriceLineInput,
  validContractPrice,
} from '@tradecounter/domain';
import type { EntityManager } from 'typeorm';
import { ChangeNotices, EVERYTHING } from '../common/change-notices';
import { TtlCache } from '../common/ttl-cache';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { PricingContextRepository, PricingContextRow } from './pricing-context.repository';

export interface PricedProduct {
  id: string;
  sku: string;
  name: string;
  listPrice: string;
  minOrderQty: number;
}

/** The prices of one account for a set of products on one date, loaded once and applied many times. */
export interface PriceBook {
  accountId: string | null;
  date: string;
  price(product: PricedProduct, quantity: number): PricedLine;
  /** The product's price table: at its minimum quantity and at each applicable break. */
  table(product: PricedProduct): PriceBreakRow[];
}

/** Where a price book's data comes from. */
export interface PriceBookSource {
  /**
   * Read the database now, in this transaction: what an order must do, so it
   * is priced with exactly what is committed. Without it the book may come
   * from a cache up to CONTEXT_TTL_MS old (see below).
   */
  manager?: EntityManager;
}

/**
 * How long an account's pricing context is reused for display (catalog,
 * product page, quote). Every catalog page and quote needs it and it changes
 * rarely, so reusing it saves a round trip on each. A change evicts it in
 * every API process at once (the 'pricing' and 'account' change notices);
 * this bounds the staleness only while a process has lost its LISTEN
 * connection. Orders always read fresh (PriceBookSource.manager).
 */
const CONTEXT_TTL_MS = 2_000;

/**
 * The one place prices are computed. It loads an account's pricing data for
 * a set of products in one query and applies the pure rules of libs/domain.
 * Catalog, quotes, carts and orders all price through it.
 */
@Injectable()
export class PriceCalculator {
  private readonly dateFormat: Intl.DateTimeFormat;
  /** Price books per account, per pricing date. */
  private readonly books = new TtlCache<string, Map<string, PriceBook>>(CONTEXT_TTL_MS, 1_000);
  /** Bumped by every eviction, so a load that raced a change is not kept. */
  private generation = 0;
  /** Loads in flight, per account and date. */
  private readonly loading = new Map<string, Promise<PriceBook>>();

  constructor(
    private readonly context: PricingContextRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    changes: ChangeNotices,
  ) {
    this.dateFormat = new Intl.DateTimeFormat('en-CA', { timeZone: config.timeZone });
    const forget = (accountId: string) =>
      accountId === EVERYTHING ? this.forgetAll() : this.forgetAccount(accountId);
    changes.on('pricing', forget);
    // The account's tier decides its prices.
    changes.on('account', forget);
  }

  get currency(): string {
    return this.config.currency;
  }

  /** Today in the deployment's time zone, as YYYY-MM-DD. */
  today(now = new Date()): string {
    return this.dateFormat.format(now);
  }

  async priceBook(
    accountId: string | null,
    productIds: string[],
    date = this.today(),
    source: PriceBookSource = {},
  ): Promise<PriceBook> {
    if (!accountId) return new AccountPriceBook(null, date, undefined);
    if (!source.manager) return this.cachedBook(accountId, date);
    const context = await this.context.load(accountId, productIds, date, source.manager);
    return new AccountPriceBook(accountId, date, context);
  }

  /** After a change to one account's prices (its tier, its contract prices) commits. */
  private forgetAccount(accountId: string): void {
    this.generation++;
    this.books.evict(accountId);
    // A load already under way may predate the change: later readers start their own.
    for (const key of this.loading.keys()) if (key.startsWith(`${accountId}|`)) this.loading.delete(key);
  }

  /** After a change to a tier (discount, breaks, fixed prices) commits: it may price any account. */
  private forgetAll(): void {
    this.generation++;
    this.books.clear();
    this.loading.clear();
  }

  /**
   * The account's whole pricing context (every product), built once and
   * reused for display; requests that miss together share one load.
   */
  private cachedBook(accountId: string, date: string): Promise<PriceBook> {
    const cached = this.books.get(accountId)?.get(date);
    if (cached) return Promise.resolve(cached);
    const flightKey = `${accountId}|${date}`;
    const pending = this.loading.get(flightKey);
    if (pending) return pending;
    const generation = this.generation;
    const loading = this.context
      .load(accountId, null, date)
      .then((context) => {
        const book = new AccountPriceBook(accountId, date, context);
        if (generation === this.generation) {
          const byDate = this.books.get(accountId);
          if (byDate) byDate.set(date, book);
          else this.books.set(accountId, new Map([[date, book]]));
        }
        return book;
      })
      .finally(() => {
        if (this.loading.get(flightKey) === loading) this.loading.delete(flightKey);
      });
    this.loading.set(flightKey, loading);
    return loading;
  }
}

class AccountPriceBook implements PriceBook {
  private readonly fixed: Map<string, bigint>;
  private readonly contracts: Map<string, ContractPrice[]>;
  private readonly tierWideBreaks: VolumeBreak[] = [];
  private readonly productBreaks = new Map<string, VolumeBreak[]>();

  constructor(
    readonly accountId: string | null,
    readonly date: string,
    private readonly context: PricingContextRow | undefined,
  ) {
    for (const entry of context?.breaks ?? []) {
      // numeric(5,2) arrives as "5.00"; the explanation says "5".
      const row = { ...entry, discountPercent: formatPercent(parsePercent(entry.discountPercent)) };
      if (row.productId === null) this.tierWideBreaks.push(row);
      else this.productBreaks.set(row.productId, [...(this.productBreaks.get(row.productId) ?? []), row]);
    }
    this.fixed = new Map(
      (context?.fixedPrices ?? []).map((row) => [row.productId, parseMoney(row.unitPrice)]),
    );
    this.contracts = new Map();
    for (const row of context?.contracts ?? []) {
      const list = this.contracts.get(row.productId) ?? [];
      list.push({ unitPrice: parseMoney(row.unitPrice), validFrom: row.validFrom, validTo: row.validTo });
      this.contracts.set(row.productId, list);
    }
  }

  price(product: PricedProduct, quantity: number): PricedLine {
    return priceLine(this.input(product, quantity));
  }

  table(product: PricedProduct): PriceBreakRow[] {
    const input = this.input(product, product.minOrderQty);
    const first = priceLine(input);
    const rows: PriceBreakRow[] = [
      { minQty: product.minOrderQty, unitPrice: formatMoney(first.unitPrice), source: first.source },
    ];
    if (validContractPrice(input.contractPrices, input.date)) return rows;
    for (const candidate of applicableBreaks(this.breaksFor(product.id), product.id)) {
      if (candidate.minQty <= product.minOrderQty) continue;
      const priced = priceLine({ ...input, quantity: candidate.minQty });
      rows.push({
        minQty: candidate.minQty,
        unitPrice: formatMoney(priced.unitPrice),
        source: priced.source,
      });
    }
    return rows;
  }

  /** The breaks that can apply to the product: its own, else the tier-wide ones (libs/domain picks). */
  private breaksFor(productId: string): VolumeBreak[] {
    return this.productBreaks.get(productId) ?? this.tierWideBreaks;
  }

  private input(product: PricedProduct, quantity: number): PriceLineInput {
    const tier = this.context?.tier;
    return {
      productId: product.id,
      listPrice: parseMoney(product.listPrice),
      quantity,
      date: this.date,
      tier: tier
        ? {
            discountPercent: tier.discountPercent,
            fixedPrice: this.fixed.get(product.id) ?? null,
            breaks: this.breaksFor(product.id),
          }
        : null,
      contractPrices: this.contracts.get(product.id) ?? [],
    };
  }
}

/** The wire form of a priced line. */
/** A product as a quote shows it: priced, with its pack rules. */
export interface QuotedProduct extends PricedProduct {
  orderMultiple: number;
}

export function toQuoteLine(product: QuotedProduct, quantity: number, priced: PricedLine): QuoteLine {
  return {
    productId: product.id,
    sku: product.sku,
    name: product.name,
    quantity,
    listPrice: product.listPrice,
    unitPrice: formatMoney(priced.unitPrice),
    lineTotal: formatMoney(priced.lineTotal),
    source: priced.source as PriceSource,
    breakApplied: priced.breakApplied,
    savings: formatMoney(priced.savings),
    nextBreak: toNextBreak(priced),
    minOrderQty: product.minOrderQty,
    orderMultiple: product.orderMultiple,
  };
}

export function toNextBreak(priced: PricedLine): NextBreak | null {
  return priced.nextBreak
    ? {
        minQty: priced.nextBreak.minQty,
        unitPrice: formatMoney(priced.nextBreak.unitPrice),
        moreQty: priced.nextBreak.moreQty,
      }
    : null;
}
