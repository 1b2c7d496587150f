import type { QuickOrderResult } from '@tradecounter/contracts';
import type { QuickOrderParse } from '@tradecounter/domain';

/** One row of the results table, whichever side (browser parse or API) judged it. */
export interface QuickOrderOutcome {
  /** 1-based rows of the box or file it stands for. */
  rows: number[];
  sku: string;
  quantity: number | null;
  added: boolean;
  reason: string;
}

/** Everything the buyer needs after a quick order: the table, and the rows to keep in the box. */
export interface QuickOrderReport {
  outcomes: QuickOrderOutcome[];
  added: number;
  failed: number;
  /** The failed rows as typed, to stay in the box for fixing. */
  leftOver: string;
}

/** Pasted text: parse errors from the browser plus the API's result for each line it was sent. */
export function reportPasted(
  text: string,
  parsed: QuickOrderParse,
  result: QuickOrderResult | null,
): QuickOrderReport {
  const outcomes: QuickOrderOutcome[] = parsed.errors.map((error) => ({
    rows: [error.row],
    sku: error.text.trim().split(/[\t,;\s]+/)[0] ?? '',
    quantity: null,
    added: false,
    reason: error.reason,
  }));
  for (const row of result?.rows ?? []) {
    const line = parsed.lines[row.row - 1];
    outcomes.push({
      rows: line?.rows ?? [row.row],
      sku: row.sku ?? line?.sku ?? '',
      quantity: row.quantity ?? line?.quantity ?? null,
      added: row.status === 'added',
      reason: withSuggestion(row.reason, row.suggestedQuantity),
    });
  }
  return report(text, outcomes);
}

/** A CSV file: the API judged every row, numbered as lines of the file. */
export function reportCsv(csv: string, result: QuickOrderResult): QuickOrderReport {
  const outcomes = result.rows.map((row) => ({
    rows: row.rows.length ? row.rows : [row.row],
    sku: row.sku ?? '',
    quantity: row.quantity,
    added: row.status === 'added',
    reason: withSuggestion(row.reason, row.suggestedQuantity),
  }));
  return report(csv, outcomes);
}

function report(text: string, outcomes: QuickOrderOutcome[]): QuickOrderReport {
  outcomes.sort((a, b) => (a.rows[0] ?? 0) - (b.rows[0] ?? 0));
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const failedRows = new Set(outcomes.filter((o) => !o.added).flatMap((o) => o.rows));
  const leftOver = [...failedRows]
    .sort((a, b) => a - b)
    .map((row) => lines[row - 1] ?? '')
    .filter((line) => line.trim() !== '')
    .join('\n');
  const added = outcomes.filter((o) => o.added).length;
  return { outcomes, added, failed: outcomes.length - added, leftOver };
}

function withSuggestion(reason: string | null, suggested: number | null): string {
  if (!reason) return '';
  return suggested ? `${reason} — try ${suggested}` : reason;
}
