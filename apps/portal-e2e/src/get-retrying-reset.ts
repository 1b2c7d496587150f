import type { APIRequestContext, APIResponse } from '@playwright/test';

type GetOptions = Parameters<APIRequestContext['get']>[1];

/** The server closed a keep-alive socket just as the request went out on it. */
function isConnectionReset(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /ECONNRESET|socket hang up/i.test(message);
}

/**
 * A GET sent once more after a connection reset: on a loaded machine the
 * request context may reuse a socket the server is closing at that moment
 * (the keep-alive race). Only GET, which changes nothing and so is safe to
 * repeat; only once; only on that error: any other failure, and any answer
 * the server did give, is the test's to judge.
 */
export async function getRetryingReset(
  request: APIRequestContext,
  url: string,
  options?: GetOptions,
): Promise<APIResponse> {
  try {
    return await request.get(url, options);
  } catch (error) {
    if (!isConnectionReset(error)) throw error;
    return request.get(url, options);
  }
}
