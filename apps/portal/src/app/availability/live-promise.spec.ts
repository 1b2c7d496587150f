import type { PromiseResponse } from '@tradecounter/contracts';
import { TestScheduler } from 'rxjs/testing';
import { type LinePromise, linePromise, livePromise, type PromiseInput } from './live-promise';

interface State {
  loading: boolean;
  value?: LinePromise;
}

const loading: State = { loading: true };
const answered = (quantity: number): State => ({ loading: false, value: linePromise(response(quantity)) });

function response(quantity: number): PromiseResponse {
  return {
    warehouseCode: 'CHI',
    orderDate: '2027-03-01',
    lines: [
      {
        productId: 'p1',
        sku: 'BOLT',
        quantity,
        available: 5,
        backorderable: true,
        splits: [{ qty: quantity, shipDate: '2027-03-02', deliveryDate: '2027-03-05', source: 'stock' }],
      },
    ],
    shipComplete: { shipDate: '2027-03-02', deliveryDate: '2027-03-05' },
  };
}

describe('livePromise', () => {
  let scheduler: TestScheduler;
  beforeEach(() => {
    scheduler = new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
  });

  it('asks once the typing settles (300 ms), not for every keystroke', () => {
    scheduler.run(({ cold, hot, expectObservable }) => {
      const asked: number[] = [];
      const input$ = hot<PromiseInput>('a 100ms b 100ms c', {
        a: { productId: 'p1', quantity: 2 },
        b: { productId: 'p1', quantity: 20 },
        c: { productId: 'p1', quantity: 200 },
      });
      const result$ = livePromise(input$, (_id, quantity) => {
        asked.push(quantity);
        return cold<State>('l 49ms v|', { l: loading, v: answered(quantity) });
      });
      // c at 202 ms: asked at 502 ms (loading), answered 50 ms later.
      expectObservable(result$).toBe('502ms l 49ms v', { l: loading, v: answered(200) });
      scheduler.flush();
      expect(asked).toEqual([200]);
    });
  });

  it('keeps the last answer on screen while the next one loads', () => {
    scheduler.run(({ cold, hot, expectObservable }) => {
      const input$ = hot<PromiseInput>('a 400ms b', {
        a: { productId: 'p1', quantity: 2 },
        b: { productId: 'p1', quantity: 20 },
      });
      const result$ = livePromise(input$, (_id, quantity) =>
        cold<State>('l 9ms v|', { l: loading, v: answered(quantity) }),
      );
      // a: asked at 300, answered at 310; b: asked at 701 (still showing a), answered at 711.
      expectObservable(result$).toBe('300ms l 9ms a 390ms k 9ms b', {
        l: loading,
        a: answered(2),
        k: { loading: true, value: answered(2).value },
        b: answered(20),
      });
    });
  });

  it('cancels the request for an old quantity once a new one is asked (no stale overwrite)', () => {
    scheduler.run(({ cold, hot, expectSubscriptions }) => {
      const input$ = hot<PromiseInput>('a 400ms b', {
        a: { productId: 'p1', quantity: 2 },
        b: { productId: 'p1', quantity: 20 },
      });
      // The first answer would take 1 s; b is asked at 701 ms and cuts it off.
      const slow = cold<State>('1000ms v|', { v: answered(2) });
      const fast = cold<State>('10ms v|', { v: answered(20) });
      const values: number[] = [];
      livePromise(input$, (_id, quantity) => (quantity === 2 ? slow : fast)).subscribe((state) => {
        if (state?.value) values.push(state.value.line.quantity);
      });
      scheduler.flush();
      expectSubscriptions(slow.subscriptions).toBe('300ms ^ 400ms !');
      expect(values).toEqual([20]);
    });
  });

  it('asks nothing for a quantity that is not a positive whole number', () => {
    scheduler.run(({ hot, expectObservable }) => {
      const input$ = hot<PromiseInput>('a', { a: { productId: 'p1', quantity: 1.5 } });
      const fetch = jest.fn();
      expectObservable(livePromise<State>(input$, fetch)).toBe('300ms n', { n: null });
      scheduler.flush();
      expect(fetch).not.toHaveBeenCalled();
    });
  });
});
