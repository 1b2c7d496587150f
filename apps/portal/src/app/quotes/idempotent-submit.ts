/**
 * One form's Idempotency-Key: made once per request body and sent again for
 * the same body (a double click, a retry after a lost answer), so the API
 * makes one request of it. A changed body is a new request with a new key.
 */
export class IdempotentSubmit {
  private attempt: { key: string; body: string } | null = null;

  constructor(private readonly newKey: () => string = () => crypto.randomUUID()) {}

  keyFor(body: unknown): string {
    const json = JSON.stringify(body);
    if (this.attempt?.body !== json) this.attempt = { key: this.newKey(), body: json };
    return this.attempt.key;
  }
}
