import { formatDisplayDate, withDisplayDates } from '@tradecounter/domain';
import type { PriceSource } from '@tradecounter/contracts';

/** The tier an account is on, to word a tier discount: "Gold tier 10 % off". */
export interface TierLabel {
  name: string;
  discountPercent: string;
}

/** "12.50" → "12.5", "10.00" → "10": percentages as people write them. */
export function formatPercent(value: string): string {
  const text = value.trim();
  if (!/^\d+(\.\d+)?$/.test(text)) return text;
  return text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
}

/** Where a price came from, in words. */
export function priceSourceLabel(source: PriceSource, tier: TierLabel | null = null): string {
  switch (source) {
    case 'contract':
      return 'Contract price';
    case 'tier_fixed':
      return tier ? `${tier.name} tier fixed price` : 'Tier fixed price';
    case 'tier_discount':
      return tier ? `${tier.name} tier ${formatPercent(tier.discountPercent)} % off` : 'Tier discount';
    case 'list':
      return 'List price';
    case 'quote':
      return 'Quoted price';
    case 'replacement':
      return 'Replacement (no charge)';
  }
}

/** Today in the browser's time zone as YYYY-MM-DD. */
export function isoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** "2027-03-01" → a local Date at midnight (no UTC shift). */
export function parseIsoDate(value: string): Date {
  const [y, m, d] = value.split('-').map(Number);
  return new Date(y, m - 1, d);
}

/** "2027-03-31" → "31 Mar 2027", the portal's one date style (shared/date-format.ts). */
export function formatIsoDate(value: string): string {
  return formatDisplayDate(value);
}

/** Every YYYY-MM-DD in a server message, as the tables show dates. */
export function withReadableDates(text: string): string {
  return withDisplayDates(text);
}
