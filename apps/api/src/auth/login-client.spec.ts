import { loginClientKey } from './login-client';

describe('loginClientKey', () => {
  it('keeps an IPv4 address, also when it arrives IPv4-mapped', () => {
    expect(loginClientKey('203.0.113.7')).toBe('203.0.113.7');
    expect(loginClientKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
  });

  it('counts an IPv6 address by its /64 network', () => {
    expect(loginClientKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(loginClientKey('2001:db8:1:2:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64');
    expect(loginClientKey('2001:db8:1:3::1')).not.toBe(loginClientKey('2001:db8:1:2::1'));
  });

  it('puts what is not an address under one key', () => {
    expect(loginClientKey(undefined)).toBe('unknown');
    expect(loginClientKey('garbage')).toBe('unknown');
  });
});
