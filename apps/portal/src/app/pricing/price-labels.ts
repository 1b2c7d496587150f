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

/** A calendar date in UTC, so the day never shifts with the browser's time zone. */
const MEDIUM_DATE = new Intl.DateTimeFormat('en-US', {
  month: 'short',
  day: 'numeric',
  year: 'numeric',
  timeZone: 'UTC',
});

/** "2027-03-31" → "Mar 31, 2027", as the portal's tables show dates (the 'mediumDate' format). */
export function formatIsoDate(value: string): string {
  const date = new Date(`${value}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(date.getTime())) return value;
  return MEDIUM_DATE.format(date);
}

/** Every YYYY-MM-DD in a server message, as the tables show dates. */
export function withReadableDates(text: string): string {
  return text.replace(/\b\d{4}-\d{2}-\d{2}\b/g, formatIsoDate);
}
