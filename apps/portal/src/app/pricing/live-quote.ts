import type { Quote, QuoteLine } from '@tradecounter/contracts';
import { catchError, debounceTime, distinctUntilChanged, map, Observable, of, switchMap } from 'rxjs';
import type { Loadable } from '../shared/loadable';
import { loadable } from '../shared/loadable';

export interface QuoteInput {
  productId: string | null;
  quantity: number | null;
  /** Bumped after a price change, to quote the same line again. */
  version?: number;
}

const QUOTE_DEBOUNCE_MS = 300;

/**
 * Re-quotes one product line as the inputs settle (debounced, latest wins).
 * Emits null while there is nothing valid to quote.
 */
export function liveQuote(
  input$: Observable<QuoteInput>,
  fetch: (productId: string, quantity: number) => Observable<Quote>,
): Observable<Loadable<QuoteLine> | null> {
  return input$.pipe(
    debounceTime(QUOTE_DEBOUNCE_MS),
    distinctUntilChanged(
      (a, b) => a.productId === b.productId && a.quantity === b.quantity && a.version === b.version,
    ),
    switchMap(({ productId, quantity }) =>
      productId && quantity && Number.isInteger(quantity) && quantity >= 1
        ? loadable(fetch(productId, quantity).pipe(map((quote) => quote.lines[0])))
        : of(null),
    ),
    catchError(() => of(null)),
  );
}
