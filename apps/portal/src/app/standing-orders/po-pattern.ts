import type { IsoDate } from '@tradecounter/contracts';

/** The tokens a PO pattern may use, as the help text lists them. */
export const PO_PATTERN_TOKENS = ['{yyyy}', '{yy}', '{mm}', '{dd}'] as const;

const TOKEN = /\{(yyyy|yy|mm|dd)\}/g;

/**
 * The PO number a run on `runDate` gets from `pattern`: "ACME-{yyyy}{mm}{dd}"
 * on 2027-01-04 → "ACME-20270104". Unknown braces stay as typed, so the
 * example shows the buyer exactly what the pattern holds. Empty → null.
 */
export function poNumberFor(pattern: string | null | undefined, runDate: IsoDate): string | null {
  const text = (pattern ?? '').trim();
  if (!text) return null;
  const [yyyy, mm, dd] = runDate.split('-') as [string, string, string];
  const values: Record<string, string> = { yyyy, yy: yyyy.slice(2), mm, dd };
  return text.replace(TOKEN, (_, token: string) => values[token] ?? '');
}
