import { defer, Observable, of, throwError } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { retryWhileReconnecting } from './retry-while-reconnecting';

const unavailable = (retryAfter: string | null) => ({
  status: 503,
  headers: { get: (name: string) => (name === 'Retry-After' ? retryAfter : null) },
});

/** A server that answers each call with the next of `answers` (an error to throw, or a value). */
function server(answers: unknown[]): { call: Observable<string>; calls: () => number } {
  let calls = 0;
  const call = defer(() => {
    const answer = answers[Math.min(calls, answers.length - 1)];
    calls += 1;
    return typeof answer === 'string' ? of(answer) : throwError(() => answer);
  });
  return { call, calls: () => calls };
}

function connection() {
  const heard: string[] = [];
  return { heard, lost: () => heard.push('lost'), restored: () => heard.push('restored') };
}

const isResponse = () => true;

describe('a call while the server reconnects', () => {
  const scheduler = () => new TestScheduler((actual, expected) => expect(actual).toEqual(expected));

  it('reads again after each Retry-After and reports the connection lost, then restored', () => {
    scheduler().run(({ expectObservable, flush }) => {
      const { call, calls } = server([unavailable('2'), unavailable('1'), 'orders']);
      const events = connection();
      // Tried at 0, again 2 s later, again 1 s after that: the answer at 3 s.
      expectObservable(retryWhileReconnecting({ method: 'GET' }, call, events, isResponse)).toBe(
        '3000ms (a|)',
        { a: 'orders' },
      );
      flush();
      expect(calls()).toBe(3);
      expect(events.heard).toEqual(['lost', 'lost', 'restored']);
    });
  });

  it('gives a write its 503 at once, untried again, and still reports the connection lost', () => {
    scheduler().run(({ expectObservable, flush }) => {
      const error = unavailable('2');
      const { call, calls } = server([error, 'saved']);
      const events = connection();
      expectObservable(retryWhileReconnecting({ method: 'POST' }, call, events, isResponse)).toBe(
        '#',
        undefined,
        error,
      );
      flush();
      expect(calls()).toBe(1);
      expect(events.heard).toEqual(['lost']);
    });
  });

  it('passes other errors straight on', () => {
    scheduler().run(({ expectObservable, flush }) => {
      const notFound = { status: 404, headers: { get: () => null } };
      const { call, calls } = server([notFound]);
      const events = connection();
      expectObservable(retryWhileReconnecting({ method: 'GET' }, call, events, isResponse)).toBe(
        '#',
        undefined,
        notFound,
      );
      flush();
      expect(calls()).toBe(1);
      expect(events.heard).toEqual([]);
    });
  });

  it('gives up on a read after its bounded retries, with the last error', () => {
    scheduler().run(({ expectObservable, flush }) => {
      const error = unavailable('1');
      const { call, calls } = server([error]);
      expectObservable(retryWhileReconnecting({ method: 'GET' }, call, connection(), isResponse)).toBe(
        '5000ms #',
        undefined,
        error,
      );
      flush();
      expect(calls()).toBe(6);
    });
  });
});
