import type { Order, PlaceOrderRequest } from '@tradecounter/contracts';
import { Observable, retry, timer } from 'rxjs';

/** Network failures and "still being placed" answers are retried this often, with the same key. */
const AUTOMATIC_RETRIES = 3;
const RETRY_DELAY_MS = 1_000;

/** What places an order (OrdersApi); narrowed so this helper needs no Angular. */
export interface OrderPlacer {
  place(body: PlaceOrderRequest, idempotencyKey: string): Observable<Order>;
}

/**
 * One checkout's Idempotency-Key. The key is made once per attempt (a given
 * request body) and sent again on every retry of that body, automatic or by
 * the buyer, so a lost response never places a second order. A changed body
 * (new address, accepted new prices) is a new attempt with a new key: reusing
 * the old one would rightly be refused with 422.
 */
export class OrderSubmission {
  private attempt: { key: string; body: string } | null = null;

  constructor(
    private readonly api: OrderPlacer,
    private readonly newKey: () => string = () => crypto.randomUUID(),
  ) {}

  /** The key the next `place(body)` will send. */
  keyFor(body: PlaceOrderRequest): string {
    const json = JSON.stringify(body);
    if (this.attempt?.body !== json) this.attempt = { key: this.newKey(), body: json };
    return this.attempt.key;
  }

  place(body: PlaceOrderRequest): Observable<Order> {
    const key = this.keyFor(body);
    return this.api.place(body, key).pipe(
      retry({
        count: AUTOMATIC_RETRIES,
        delay: (error: unknown, attempt: number) => {
          if (!retryable(error)) throw error;
          return timer(RETRY_DELAY_MS * attempt);
        },
      }),
    );
  }

  /** After a 422 (the key was used for another body), start afresh. */
  forget(): void {
    this.attempt = null;
  }
}

/** No answer at all, or the first request with this key is still being placed (409 + Retry-After). */
export function retryable(error: unknown): boolean {
  if (!isHttpError(error)) return false;
  if (error.status === 0 || error.status === 502 || error.status === 503 || error.status === 504) return true;
  return error.status === 409 && error.headers.has('Retry-After');
}

/** The shape of Angular's HttpErrorResponse that matters here (duck-typed: no Angular import in this pure helper). */
interface HttpErrorLike {
  status: number;
  headers: { has(name: string): boolean };
}

function isHttpError(error: unknown): error is HttpErrorLike {
  if (typeof error !== 'object' || error === null) return false;
  const candidate = error as Partial<HttpErrorLike>;
  return typeof candidate.status === 'number' && typeof candidate.headers?.has === 'function';
}
