import { formatFixed, formatMoney, formatShareAsPercent } from '@tradecounter/domain';
import { formatMoneyDisplay } from '../shared/money-format';

/** A share from 0 to 1 as a percentage with one decimal: 0.9234 → "92.3%" (as the CSV's 92.3). */
export function formatShare(share: number | null): string {
  return formatShareAsPercent(share);
}

/** Hours as hours up to two days, then days: 30 → "30.0 h", 60 → "2.5 d". */
export function formatHours(hours: number | null): string {
  if (hours === null) return '—';
  return hours < 48 ? `${formatFixed(hours, 1)} h` : `${formatFixed(hours / 24, 1)} d`;
}

export function formatRating(rating: number | null): string {
  // Two decimals, as the definition and the CSV have it.
  return rating === null ? '—' : `${formatFixed(rating, 2)} / 5`;
}

export function formatCount(count: number | null): string {
  return count === null ? '—' : count.toLocaleString('en-US');
}

/** Chart axes and tooltips get whole cents (numbers); shown as money again. */
export function formatCentsAxis(cents: number): string {
  return formatMoneyDisplay(formatMoney(BigInt(Math.round(cents))));
}

const COMPACT_DOLLARS = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  notation: 'compact',
  minimumFractionDigits: 0,
  maximumFractionDigits: 1,
});

/** Axis ticks, where space is short: 7000000 cents → "$70K". Tooltips and tables show every cent. */
export function formatCentsCompact(cents: number): string {
  return COMPACT_DOLLARS.format(cents / 100);
}

export function formatShareAxis(share: number): string {
  return `${Math.round(share * 1000) / 10}%`;
}
