import { normaliseMoney, isMoneyString } from '../money';

const SYMBOLS: Record<string, string> = { USD: '$', EUR: '€', GBP: '£', CAD: 'CA$', AUD: 'A$' };

/**
 * The one money style of every screen and message: "5308.9" → "$5,308.90"
 * (a currency without a symbol here: "CHF 5,308.90"). String work only,
 * never floats; text that is not an amount comes back as it is.
 */
export function formatMoneyForDisplay(amount: string, currency = 'USD'): string {
  const trimmed = amount.trim();
  if (!isMoneyString(trimmed)) return trimmed;
  const canonical = normaliseMoney(trimmed);
  const negative = canonical.startsWith('-');
  const [units = '0', cents = '00'] = (negative ? canonical.slice(1) : canonical).split('.');
  const grouped = units.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const symbol = SYMBOLS[currency] ?? `${currency} `;
  return `${negative ? '-' : ''}${symbol}${grouped}.${cents}`;
}
