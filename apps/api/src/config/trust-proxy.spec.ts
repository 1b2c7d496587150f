import { parseTrustProxy } from './trust-proxy';

describe('parseTrustProxy', () => {
  it('trusts a proxy on the same host when unset', () => {
    expect(parseTrustProxy(undefined)).toEqual(['loopback']);
    expect(parseTrustProxy('')).toEqual(['loopback']);
  });

  it('accepts the forms Express does', () => {
    expect(parseTrustProxy('false')).toBe(false);
    expect(parseTrustProxy('true')).toBe(true);
    expect(parseTrustProxy('2')).toBe(2);
    expect(parseTrustProxy('loopback, 10.0.0.0/8,192.168.1.10, fd00::/8, ::1, uniquelocal')).toEqual([
      'loopback',
      '10.0.0.0/8',
      '192.168.1.10',
      'fd00::/8',
      '::1',
      'uniquelocal',
    ]);
  });

  it('names what it cannot read', () => {
    expect(parseTrustProxy('loopback,proxy.internal')).toEqual({
      problem: expect.stringContaining('"proxy.internal"'),
    });
    expect(parseTrustProxy('10.0.0.0/33')).toEqual({ problem: expect.stringContaining('10.0.0.0/33') });
    expect(parseTrustProxy('127.1')).toEqual({ problem: expect.stringContaining('127.1') });
    expect(parseTrustProxy('99')).toEqual({ problem: expect.stringContaining('at most 32') });
    expect(parseTrustProxy('yes')).toEqual({ problem: expect.any(String) });
  });
});
