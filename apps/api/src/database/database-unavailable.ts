/**
 * Whether an error means the database cannot be reached (stopped, restarting,
 * out of connections, the network between us down), as opposed to a fault
 * in the request or in our code. Such a request is answered 503 with
 * Retry-After and the outage is logged once (DatabaseOutage), not as a bug.
 *
 * What pg and TypeORM throw for these, walked through wrappers:
 * - a socket error on connect or mid-query: `code` ECONNREFUSED, ECONNRESET,
 *   ETIMEDOUT, EHOSTUNREACH… (several addresses tried: an AggregateError
 *   whose `errors` hold them);
 * - the server ending the session: a pg DatabaseError with SQLSTATE class 08,
 *   57P01 (fast shutdown), 57P02, 57P03 (starting up or shutting down), 53300;
 * - the connection dropping under pg: plain Errors whose message says so
 *   ("Connection terminated unexpectedly", "… is not queryable"), and the
 *   pool's connect timeout;
 * - TypeORM's QueryFailedError around any of these (`driverError`), and
 *   `cause` chains;
 * - TypeORM's QueryRunnerAlreadyReleasedError and
 *   QueryRunnerProviderAlreadyReleasedError: a transaction's connection that
 *   errors (the server ended it) is released at once, so the transaction's
 *   next statement, or one running beside it, fails with these before the
 *   server's own error reaches the caller.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  return unavailableCause(error) !== undefined;
}

/** The first line of what went wrong, with its code: for the one log line of an outage. */
export function describeUnavailable(error: unknown): string {
  const cause = unavailableCause(error) ?? (error as ErrorLike);
  const message = String(cause?.message ?? error).split('\n')[0] || 'no message';
  const code = typeof cause?.code === 'string' ? cause.code : undefined;
  return code && !message.includes(code) ? `${message} (${code})` : message;
}

function unavailableCause(error: unknown): ErrorLike | undefined {
  return findInChain(error, (item) => {
    const code = typeof item.code === 'string' ? item.code : '';
    if (SOCKET_CODES.has(code) || SQLSTATES.has(code) || code.startsWith('08')) return true;
    if (typeof item.name === 'string' && RELEASED_RUNNER.has(item.name)) return true;
    return typeof item.message === 'string' && CONNECTION_MESSAGES.includes(item.message);
  });
}

interface ErrorLike {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  driverError?: unknown;
  cause?: unknown;
  errors?: unknown;
}

const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EHOSTDOWN',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/** admin_shutdown, crash_shutdown, cannot_connect_now, too_many_connections (class 08 is matched by prefix). */
const SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);

const RELEASED_RUNNER = new Set([
  'QueryRunnerAlreadyReleasedError',
  'QueryRunnerProviderAlreadyReleasedError',
]);

/** pg and pg-pool's own errors for a connection that is gone or never came. */
const CONNECTION_MESSAGES = [
  'Connection terminated',
  'Connection terminated unexpectedly',
  'Connection terminated due to connection timeout',
  'Client has encountered a connection error and is not queryable',
  'Client was closed and is not queryable',
  'timeout exceeded when trying to connect',
];

/** The error or the first thing it wraps (driverError, cause, AggregateError's errors) that passes `test`. */
function findInChain(error: unknown, test: (item: ErrorLike) => boolean, depth = 0): ErrorLike | undefined {
  if (depth > 5 || error === null || typeof error !== 'object') return undefined;
  const item = error as ErrorLike;
  if (test(item)) return item;
  const inner = [item.driverError, item.cause, ...(Array.isArray(item.errors) ? item.errors : [])];
  for (const next of inner) {
    const found = next === error ? undefined : findInChain(next, test, depth + 1);
    if (found) return found;
  }
  return undefined;
}
