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

/**
 * The one place prices are computed. It loads an account's pricing data for
 * a set of products in one query and applies the pure rules of libs/domain.
 * Catalog, quotes, carts and orders all price through it.
 */
@Injectable()
export class PriceCalculator {
  private readonly dateFormat: Intl.DateTimeFormat;

  constructor(
    private readonly context: PricingContextRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.dateFormat = new Intl.DateTimeFormat('en-CA', { timeZone: config.timeZone });
  }

  get currency(): string {
    return this.config.currency;
  }

  /** Today in the deployment's time zone, as YYYY-MM-DD. */
  today(now = new Date()): string {
    return this.dateFormat.format(now);
  }

  async priceBook(accountId: string | null, productIds: string[], date = this.today()): Promise<PriceBook> {
    const context = accountId ? await this.context.load(accountId, productIds, date) : undefined;
    return new AccountPriceBook(accountId, date, context);
  }
}

class AccountPriceBook implements PriceBook {
  private readonly fixed: Map<string, bigint>;
  private readonly contracts: Map<string, ContractPrice[]>;
  private readonly breaks: VolumeBreak[];

  constructor(
    readonly accountId: string | null,
    readonly date: string,
    private readonly context: PricingContextRow | undefined,
  ) {
    // numeric(5,2) arrives as "5.00"; the explanation says "5".
    this.breaks = (context?.breaks ?? []).map((entry) => ({
      ...entry,
      discountPercent: formatPercent(parsePercent(entry.discountPercent)),
    }));
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
    for (const candidate of applicableBreaks(this.breaks, product.id)) {
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
            breaks: this.breaks,
          }
        : null,
      contractPrices: this.contracts.get(product.id) ?? [],
    };
  }
}

/** The wire form of a priced line. */
export function toQuoteLine(product: PricedProduct, quantity: number, priced: PricedLine): QuoteLine {
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
