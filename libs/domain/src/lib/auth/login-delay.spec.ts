import { delayAfterFailures, LOGIN_DELAY, loginWaitSeconds } from './login-delay';

const t0 = new Date('2026-01-01T12:00:00Z');
const later = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

describe('login delay', () => {
  it('lets three failures of one e-mail from one client go free, then doubles the wait up to the cap', () => {
    const waits = [1, 2, 3, 4, 5, 6, 12, 40].map((failures) =>
      delayAfterFailures(failures, LOGIN_DELAY.emailClient),
    );
    expect(waits).toEqual([0, 0, 1, 2, 4, 8, 300, 300]);
  });

  it('lets a client fail twenty times across e-mails before it waits', () => {
    expect(delayAfterFailures(19, LOGIN_DELAY.client)).toBe(0);
    expect(delayAfterFailures(20, LOGIN_DELAY.client)).toBe(1);
    expect(delayAfterFailures(22, LOGIN_DELAY.client)).toBe(4);
  });

  it('counts the wait from the last failure, in whole seconds rounded up', () => {
    const counters = { emailClient: { failures: 5, lastFailureAt: t0 } };
    expect(loginWaitSeconds(counters, t0)).toBe(4);
    expect(loginWaitSeconds(counters, new Date(t0.getTime() + 2_500))).toBe(2);
    expect(loginWaitSeconds(counters, later(4))).toBe(0);
  });

  it('takes the longer of the two counters', () => {
    const counters = {
      emailClient: { failures: 3, lastFailureAt: t0 },
      client: { failures: 25, lastFailureAt: t0 },
    };
    expect(loginWaitSeconds(counters, t0)).toBe(32);
  });

  it('forgets a counter idle for the window, even one at the cap', () => {
    const counters = { emailClient: { failures: 50, lastFailureAt: t0 } };
    expect(loginWaitSeconds(counters, later(299))).toBe(1);
    expect(loginWaitSeconds(counters, later(LOGIN_DELAY.windowSeconds))).toBe(0);
  });

  it('imposes no wait without recent failures', () => {
    expect(loginWaitSeconds({}, t0)).toBe(0);
  });
});
