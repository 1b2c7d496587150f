import type { IsoDate } from '@tradecounter/contracts';
import { poNumberFor, poPatternProblem } from '@tradecounter/domain';

/** The tokens a PO pattern may use, as the help text lists them. */
export const PO_PATTERN_TOKENS = ['{yyyy}', '{yy}', '{mm}', '{dd}'] as const;

/**
 * The PO number a run on `runDate` gets, by the domain's rule (the API's
 * runs use the same): "ACME-{yyyy}{mm}{dd}" on 2027-01-04 → "ACME-20270104".
 * No pattern (or a blank one) → null: runs are placed without a PO number.
 */
export function poExample(pattern: string | null | undefined, runDate: IsoDate): string | null {
  const text = (pattern ?? '').trim();
  return text ? poNumberFor(text, runDate) : null;
}

/** Why a typed pattern cannot be saved ("has unknown tokens {x}; use …"), or null; blank is allowed (no PO). */
export function poPatternError(pattern: string | null | undefined): string | null {
  const text = (pattern ?? '').trim();
  return text ? poPatternProblem(text) : null;
}
