import type { PromiseLine, PromiseResponse } from '@tradecounter/contracts';
import { debounceTime, distinctUntilChanged, Observable, of, scan, switchMap } from 'rxjs';

export interface PromiseInput {
  productId: string;
  quantity: number | null;
}

/** A promised line with the answer's ship-complete dates and warehouse. */
export interface LinePromise {
  line: PromiseLine;
  warehouseCode: string;
  shipComplete: PromiseResponse['shipComplete'];
}

/** The one line of a one-line promise answer. */
export function linePromise(response: PromiseResponse): LinePromise {
  return {
    line: response.lines[0],
    warehouseCode: response.warehouseCode,
    shipComplete: response.shipComplete,
  };
}

/** What a request looks like to a page: loading, then a value or a problem (see shared/loadable). */
interface RequestState {
  loading: boolean;
  value?: unknown;
}

const PROMISE_DEBOUNCE_MS = 300;
/** The API refuses absurd quantities; do not ask. */
const MAX_QUANTITY = 1_000_000;

/**
 * Promises one product line as the quantity settles: debounced, and a newer
 * quantity cancels the request still in flight (switchMap), so a slow answer
 * for an old quantity never overwrites the new one. The last answer stays on
 * screen while the next loads. Emits null while the quantity is not a
 * positive whole number. `fetch` gives the request's states (`loadable`).
 */
export function livePromise<S extends RequestState>(
  input$: Observable<PromiseInput>,
  fetch: (productId: string, quantity: number) => Observable<S>,
): Observable<S | null> {
  return input$.pipe(
    debounceTime(PROMISE_DEBOUNCE_MS),
    distinctUntilChanged((a, b) => a.productId === b.productId && a.quantity === b.quantity),
    switchMap(({ productId, quantity }) =>
      quantity !== null && Number.isInteger(quantity) && quantity >= 1 && quantity <= MAX_QUANTITY
        ? fetch(productId, quantity)
        : of(null),
    ),
    scan(
      (previous: S | null, next: S | null): S | null =>
        next?.loading ? { ...next, value: previous?.value } : next,
      null,
    ),
  );
}
