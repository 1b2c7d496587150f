import { LoginThrottle } from './login-throttle';

describe('LoginThrottle', () => {
  it('locks an email after five failures and tells how long to wait', () => {
    const throttle = new LoginThrottle();
    const t0 = 1_000_000;
    for (let i = 0; i < 4; i++) throttle.recordFailure('a@x.test', '1.1.1.1', t0);
    expect(throttle.retryAfterSeconds('a@x.test', '1.1.1.1', t0)).toBe(0);
    throttle.recordFailure('a@x.test', '1.1.1.1', t0);
    expect(throttle.retryAfterSeconds('a@x.test', '2.2.2.2', t0)).toBe(300);
    expect(throttle.retryAfterSeconds('b@x.test', '1.1.1.1', t0)).toBe(0);
    expect(throttle.retryAfterSeconds('a@x.test', '1.1.1.1', t0 + 300_000)).toBe(0);
  });

  it('locks a client address that guesses across many emails', () => {
    const throttle = new LoginThrottle();
    for (let i = 0; i < 20; i++) throttle.recordFailure(`user${i}@x.test`, '9.9.9.9', 0);
    expect(throttle.retryAfterSeconds('fresh@x.test', '9.9.9.9', 0)).toBeGreaterThan(0);
  });

  it('forgets failures after a success', () => {
    const throttle = new LoginThrottle();
    for (let i = 0; i < 4; i++) throttle.recordFailure('a@x.test', 'c', 0);
    throttle.recordSuccess('a@x.test');
    throttle.recordFailure('a@x.test', 'c', 0);
    expect(throttle.retryAfterSeconds('a@x.test', 'other', 0)).toBe(0);
  });
});
