import type { Cents } from '../money';
import { divideRoundHalfAwayFromZero } from './rounding';
import { HUNDRED_PERCENT, Hundredths, parsePercent } from './percent';

/**
 * Where a unit price came from, as domain.md names it. `quote` is an order
 * line accepted from a sales quote (see quotes/quote-acceptance); the price
 * rules here never give it.
 */
/** `replacement`: a replacement for returned goods, at 0.00. */
export type PriceSource = 'contract' | 'tier_fixed' | 'tier_discount' | 'list' | 'quote' | 'replacement';

export interface VolumeBreak {
  /** null: the break applies tier-wide. */
  productId: string | null;
  minQty: number;
  discountPercent: string;
}

export interface ContractPrice {
  unitPrice: Cents;
  validFrom: string;
  /** null: open-ended. */
  validTo: string | null;
}

/** Everything that decides one line's price, as plain data. */
export interface PriceLineInput {
  productId: string;
  listPrice: Cents;
  quantity: number;
  /** The pricing date, YYYY-MM-DD. */
  date: string;
  tier: { discountPercent: string; fixedPrice: Cents | null; breaks: VolumeBreak[] } | null;
  contractPrices: ContractPrice[];
}

export interface AppliedBreak {
  minQty: number;
  discountPercent: string;
}

export interface NextBreak {
  minQty: number;
  unitPrice: Cents;
  /** How many more units reach it. */
  moreQty: number;
}

export interface PricedLine {
  unitPrice: Cents;
  lineTotal: Cents;
  source: PriceSource;
  breakApplied: AppliedBreak | null;
  /** (list − unit) × quantity; negative when the price is above list. */
  savings: Cents;
  nextBreak: NextBreak | null;
}

/**
 * Prices one line by the rules of domain.md: a valid contract price is
 * final; otherwise the tier's fixed price or tier discount gives the base,
 * the largest volume break at or below the quantity takes its discount,
 * and the unit price is rounded once, at the end, half away from zero.
 */
export function priceLine(input: PriceLineInput): PricedLine {
  if (!Number.isInteger(input.quantity) || input.quantity < 1) {
    throw new RangeError(`A quantity must be a positive integer (got ${input.quantity})`);
  }
  const quantity = BigInt(input.quantity);
  const contract = validContractPrice(input.contractPrices, input.date);
  if (contract) return finish(input.listPrice, quantity, contract.unitPrice, 'contract', null, null);

  const base = basePrice(input);
  const breaks = applicableBreaks(input.tier?.breaks ?? [], input.productId);
  const applied = largestBreakAtOrBelow(breaks, input.quantity);
  const unitPrice = unitAfterBreak(base, applied);
  const next = breaks.find((candidate) => candidate.minQty > input.quantity);
  const nextBreak: NextBreak | null = next
    ? { minQty: next.minQty, unitPrice: unitAfterBreak(base, next), moreQty: next.minQty - input.quantity }
    : null;
  const breakApplied = applied ? { minQty: applied.minQty, discountPercent: applied.discountPercent } : null;
  return finish(input.listPrice, quantity, unitPrice, base.source, breakApplied, nextBreak);
}

/** The base price as an exact fraction: numerator / denominator cents. */
interface Base {
  numerator: bigint;
  denominator: bigint;
  source: PriceSource;
}

function basePrice(input: PriceLineInput): Base {
  const tier = input.tier;
  if (tier?.fixedPrice != null) return { numerator: tier.fixedPrice, denominator: 1n, source: 'tier_fixed' };
  const discount = tier ? parsePercent(tier.discountPercent) : 0n;
  if (discount === 0n) return { numerator: input.listPrice, denominator: 1n, source: 'list' };
  return {
    numerator: input.listPrice * (HUNDRED_PERCENT - discount),
    denominator: HUNDRED_PERCENT,
    source: 'tier_discount',
  };
}

function unitAfterBreak(base: Base, applied: VolumeBreak | undefined): Cents {
  const discount: Hundredths = applied ? parsePercent(applied.discountPercent) : 0n;
  return divideRoundHalfAwayFromZero(
    base.numerator * (HUNDRED_PERCENT - discount),
    base.denominator * HUNDRED_PERCENT,
  );
}

/** Product-specific breaks when the tier has any for the product, else the tier-wide ones; by minQty. */
export function applicableBreaks(breaks: VolumeBreak[], productId: string): VolumeBreak[] {
  const specific = breaks.filter((candidate) => candidate.productId === productId);
  const chosen = specific.length > 0 ? specific : breaks.filter((candidate) => candidate.productId === null);
  return [...chosen].sort((a, b) => a.minQty - b.minQty);
}

function largestBreakAtOrBelow(sortedBreaks: VolumeBreak[], quantity: number): VolumeBreak | undefined {
  let applied: VolumeBreak | undefined;
  for (const candidate of sortedBreaks) if (candidate.minQty <= quantity) applied = candidate;
  return applied;
}

/** A contract price valid on the date; the latest-starting one wins should windows ever overlap. */
export function validContractPrice(prices: ContractPrice[], date: string): ContractPrice | undefined {
  return prices
    .filter((price) => price.validFrom <= date && (price.validTo === null || price.validTo >= date))
    .sort((a, b) => (a.validFrom < b.validFrom ? 1 : a.validFrom > b.validFrom ? -1 : 0))[0];
}

function finish(
  listPrice: Cents,
  quantity: bigint,
  unitPrice: Cents,
  source: PriceSource,
  breakApplied: AppliedBreak | null,
  nextBreak: NextBreak | null,
): PricedLine {
  return {
    unitPrice,
    lineTotal: unitPrice * quantity,
    source,
    breakApplied,
    savings: (listPrice - unitPrice) * quantity,
    nextBreak,
  };
}
