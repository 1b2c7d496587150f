import type { MoneyString, Problem, Quote, QuoteLine, QuoteRequest } from '@tradecounter/contracts';
import {
  formatMoney,
  parseMoney,
  parseQuickOrder,
  type QuickOrderError,
  type QuickOrderLine,
  quantityProblem,
  sumMoney,
} from '@tradecounter/domain';
import {
  catchError,
  debounceTime,
  distinctUntilChanged,
  map,
  Observable,
  of,
  scan,
  startWith,
  switchMap,
} from 'rxjs';

/** What the preview prices: the account and the lines as typed. */
export interface PreviewInput {
  accountId: string;
  text: string;
  /** Bumped to price the same lines again (retry, after a price change). */
  version: number;
}

export interface PreviewLine {
  sku: string;
  quantity: number;
  /** The typed rows this line stands for (a SKU typed twice is one line). */
  rows: number[];
  productId: string | null;
  name: string | null;
  unitPrice: MoneyString | null;
  lineTotal: MoneyString | null;
  /** Why ordering would refuse the line (unknown SKU, pack rules), else null. */
  problem: string | null;
}

export interface PhoneOrderPreview {
  /** idle: nothing to price yet (no account or no lines). */
  status: 'idle' | 'loading' | 'ready' | 'error';
  accountId: string;
  text: string;
  lines: PreviewLine[];
  /** Rows that are not `SKU quantity` at all. */
  rowErrors: QuickOrderError[];
  /** The sum of the priced lines, once ready. */
  subtotal: MoneyString | null;
  /** Why pricing failed as a whole (status error). */
  problem: Problem | null;
}

/** Prices lines; fails with a Problem (the caller maps HTTP errors). */
export type QuoteFn = (request: QuoteRequest) => Observable<Quote>;

export const PREVIEW_DEBOUNCE_MS = 400;

/** Prices the typed lines as they settle (debounced, latest wins), keeping shown prices while re-pricing. */
export function livePreview(input$: Observable<PreviewInput>, quote: QuoteFn): Observable<PhoneOrderPreview> {
  return input$.pipe(
    debounceTime(PREVIEW_DEBOUNCE_MS),
    distinctUntilChanged(
      (a, b) => a.accountId === b.accountId && a.text === b.text && a.version === b.version,
    ),
    switchMap((input) => previewOf(input, quote)),
    scan(
      (previous: PhoneOrderPreview | null, next) =>
        next.status === 'loading' && previous ? keepPrices(previous, next) : next,
      null,
    ),
    map((preview) => preview as PhoneOrderPreview),
  );
}

/** The preview of one input: idle, or loading then ready or error. */
export function previewOf(input: PreviewInput, quote: QuoteFn): Observable<PhoneOrderPreview> {
  const parsed = parseQuickOrder(input.text);
  const base: PhoneOrderPreview = {
    status: 'idle',
    accountId: input.accountId,
    text: input.text,
    lines: parsed.lines.map(unpriced),
    rowErrors: parsed.errors,
    subtotal: null,
    problem: null,
  };
  if (!input.accountId || parsed.lines.length === 0) return of(base);
  return priceLines(input.accountId, parsed.lines, quote).pipe(
    map((lines): PhoneOrderPreview => ({ ...base, status: 'ready', lines, subtotal: subtotalOf(lines) })),
    catchError((problem: Problem) => of<PhoneOrderPreview>({ ...base, status: 'error', problem })),
    startWith<PhoneOrderPreview>({ ...base, status: 'loading' }),
  );
}

/** Whether the preview may be placed as it stands: priced, and no line ordering would refuse. */
export function placeable(preview: PhoneOrderPreview | null | undefined): preview is PhoneOrderPreview {
  return (
    preview?.status === 'ready' &&
    preview.lines.length > 0 &&
    preview.rowErrors.length === 0 &&
    preview.lines.every((line) => !line.problem)
  );
}

/**
 * Every line priced. Lines the quote refuses (unknown SKU) are flagged and
 * the rest priced again without them, so one typo does not hide every price.
 */
function priceLines(accountId: string, lines: QuickOrderLine[], quote: QuoteFn): Observable<PreviewLine[]> {
  const request = (some: QuickOrderLine[]): QuoteRequest => ({
    accountId,
    lines: some.map(({ sku, quantity }) => ({ sku, quantity })),
  });
  return quote(request(lines)).pipe(
    map((quoted) => lines.map((line, i) => priced(line, quoted.lines[i]))),
    catchError((problem: Problem) => {
      const refused = refusedLines(problem, lines.length);
      if (refused.size === 0) throw problem;
      const rest = lines.filter((_, i) => !refused.has(i));
      const quoted$ = rest.length ? quote(request(rest)).pipe(map((q) => q.lines)) : of([]);
      return quoted$.pipe(
        map((quoted) => {
          let next = 0;
          return lines.map((line, i) => {
            const reason = refused.get(i);
            return reason ? { ...unpriced(line), problem: reason } : priced(line, quoted[next++]);
          });
        }),
      );
    }),
  );
}

/** `lines[2].sku: is not a known product` → 2 → "SKU is not a known product". Empty when any error is not a line's. */
export function refusedLines(problem: Problem, count: number): Map<number, string> {
  const refused = new Map<number, string>();
  if (problem.status !== 400) return refused;
  for (const { field, message } of problem.errors ?? []) {
    const match = /^lines\[(\d+)\](?:\.(\w+))?$/.exec(field);
    const index = Number(match?.[1]);
    if (!match || index >= count) return new Map();
    const subject = match[2] === 'sku' ? 'SKU' : match[2] === 'quantity' ? 'Quantity' : 'Line';
    refused.set(index, `${subject} ${message}`);
  }
  return refused;
}

function unpriced(line: QuickOrderLine): PreviewLine {
  return {
    sku: line.sku,
    quantity: line.quantity,
    rows: line.rows,
    productId: null,
    name: null,
    unitPrice: null,
    lineTotal: null,
    problem: null,
  };
}

function priced(line: QuickOrderLine, quoted: QuoteLine | undefined): PreviewLine {
  if (!quoted) return { ...unpriced(line), problem: 'Could not be priced' };
  const packProblem = quantityProblem(line.quantity, quoted);
  return {
    sku: quoted.sku,
    quantity: line.quantity,
    rows: line.rows,
    productId: quoted.productId,
    name: quoted.name,
    unitPrice: quoted.unitPrice,
    lineTotal: quoted.lineTotal,
    problem: packProblem ? `Quantity ${packProblem}` : null,
  };
}

function subtotalOf(lines: PreviewLine[]): MoneyString {
  return formatMoney(sumMoney(lines.map((line) => (line.lineTotal ? parseMoney(line.lineTotal) : 0n))));
}

/** While re-pricing, a line typed as before keeps the price it was shown with. */
function keepPrices(previous: PhoneOrderPreview, next: PhoneOrderPreview): PhoneOrderPreview {
  if (previous.accountId !== next.accountId) return next;
  const shown = new Map(previous.lines.map((line) => [`${line.sku}\n${line.quantity}`, line]));
  return {
    ...next,
    lines: next.lines.map((line) => shown.get(`${line.sku}\n${line.quantity}`) ?? line),
  };
}
