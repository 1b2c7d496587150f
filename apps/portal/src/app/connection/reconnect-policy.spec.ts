import { MAX_RECONNECT_RETRIES, reconnectDelayMs, retryAfterMs } from './reconnect-policy';

const answer = (status: number, retryAfter: string | null = null) => ({
  status,
  headers: { get: (name: string) => (name === 'Retry-After' ? retryAfter : null) },
});
const GET = { method: 'GET' };

describe('retrying while the server reconnects', () => {
  it('retries a read after the Retry-After the server asked for', () => {
    expect(reconnectDelayMs(GET, answer(503, '2'), 1)).toBe(2_000);
    expect(reconnectDelayMs({ method: 'HEAD' }, answer(503, '3'), 2)).toBe(3_000);
  });

  it('reads an HTTP-date Retry-After as the time left until then', () => {
    const now = Date.parse('2026-12-07T10:00:00Z');
    expect(retryAfterMs('Mon, 07 Dec 2026 10:00:04 GMT', now)).toBe(4_000);
    expect(retryAfterMs('Mon, 07 Dec 2026 09:59:00 GMT', now)).toBe(0);
    expect(retryAfterMs('soon', now)).toBeNull();
  });

  it('backs off 1, 2, 4 s when no answer says how long (no network, a proxy 502/504)', () => {
    expect([1, 2, 3].map((attempt) => reconnectDelayMs(GET, answer(0), attempt))).toEqual([
      1_000, 2_000, 4_000,
    ]);
    expect(reconnectDelayMs(GET, answer(502), 1)).toBe(1_000);
    expect(reconnectDelayMs(GET, answer(504), 1)).toBe(1_000);
  });

  it('bounds the wait (half a second to ten seconds) and the number of tries', () => {
    expect(reconnectDelayMs(GET, answer(503, '3600'), 1)).toBe(10_000);
    expect(reconnectDelayMs(GET, answer(503, '0'), 1)).toBe(500);
    expect(reconnectDelayMs(GET, answer(0), 5)).toBe(10_000);
    expect(reconnectDelayMs(GET, answer(503, '1'), MAX_RECONNECT_RETRIES)).toBe(1_000);
    expect(reconnectDelayMs(GET, answer(503, '1'), MAX_RECONNECT_RETRIES + 1)).toBeNull();
  });

  it('never repeats a write by itself: its owner decides, under its Idempotency-Key', () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE'])
      expect(reconnectDelayMs({ method }, answer(503, '1'), 1)).toBeNull();
  });

  it('leaves every other failure to the page', () => {
    for (const status of [400, 401, 404, 409, 429, 500])
      expect(reconnectDelayMs(GET, answer(status, '1'), 1)).toBeNull();
  });
});
