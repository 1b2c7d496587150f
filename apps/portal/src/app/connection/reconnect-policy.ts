/**
 * When the portal retries a failed call by itself: the server said it is
 * away for now (503, or 502/504 from a proxy in front of it) or there was no
 * answer at all (status 0). Only calls that are safe to repeat: reads.
 * Writes are repeated only by their owner, under their Idempotency-Key
 * (OrderSubmission); any other write shows "try again in a moment".
 */

/** Retries of one read before its error reaches the page. */
export const MAX_RECONNECT_RETRIES = 5;
/** However long a Retry-After asks, a read is tried again within this. */
const MAX_WAIT_MS = 10_000;
const MIN_WAIT_MS = 500;

/** The parts of a request and an HTTP error that decide (duck-typed: no Angular in this pure helper). */
export interface RequestLike {
  method: string;
}
export interface HttpErrorLike {
  status: number;
  headers: { get(name: string): string | null };
}

export function isUnavailable(status: number): boolean {
  return status === 0 || status === 502 || status === 503 || status === 504;
}

export function repeatsSafely(method: string): boolean {
  return method === 'GET' || method === 'HEAD' || method === 'OPTIONS';
}

/**
 * How long to wait before retry number `attempt` (1, 2, …) of `request`,
 * or null when it is not retried: not a read, not an outage, or out of tries.
 */
export function reconnectDelayMs(
  request: RequestLike,
  error: HttpErrorLike,
  attempt: number,
  now = Date.now(),
): number | null {
  if (!repeatsSafely(request.method) || !isUnavailable(error.status)) return null;
  if (attempt > MAX_RECONNECT_RETRIES) return null;
  const asked = retryAfterMs(error.headers.get('Retry-After'), now);
  const backoff = 1_000 * 2 ** (attempt - 1);
  return Math.min(Math.max(asked ?? backoff, MIN_WAIT_MS), MAX_WAIT_MS);
}

/** Retry-After as delay-seconds or an HTTP date (RFC 9110 §10.2.3); null when absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number | null {
  if (header === null || header.trim() === '') return null;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1_000;
  const date = Date.parse(text);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}
