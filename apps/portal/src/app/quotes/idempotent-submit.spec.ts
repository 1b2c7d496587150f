import { IdempotentSubmit } from './idempotent-submit';

describe('IdempotentSubmit: one key per request body', () => {
  it('sends the same key for the same body (a double click), and a new one for a changed body', () => {
    let n = 0;
    const submit = new IdempotentSubmit(() => `key-${++n}`);
    const body = { lines: [{ productId: 'p', quantity: 5 }] };
    expect(submit.keyFor(body)).toBe('key-1');
    expect(submit.keyFor({ ...body })).toBe('key-1');
    expect(submit.keyFor({ ...body, message: 'cheaper?' })).toBe('key-2');
    expect(submit.keyFor(body)).toBe('key-3');
  });
});
