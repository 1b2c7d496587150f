import { newestFirst } from './newest-first';

describe('newestFirst', () => {
  it('puts later events first and keeps events of one moment in reverse recorded order', () => {
    const events = [
      { at: '2026-12-01T09:00:00Z', what: 'placed' },
      { at: '2026-12-02T10:00:00Z', what: 'override' },
      { at: '2026-12-02T10:00:00Z', what: 'shipped' },
      { at: '2026-12-01T12:00:00Z', what: 'approved' },
    ];
    expect(newestFirst(events).map((e) => e.what)).toEqual(['shipped', 'override', 'approved', 'placed']);
  });

  it('leaves the given list as it was', () => {
    const events = [{ at: '2026-12-01T09:00:00Z' }, { at: '2026-12-02T09:00:00Z' }];
    newestFirst(events);
    expect(events[0]?.at).toBe('2026-12-01T09:00:00Z');
  });
});
