import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  AcceptSalesQuoteRequest,
  CreateSalesQuoteRequest,
  Order,
  OrderPreview,
  Page,
  QuoteSalesQuoteRequest,
  SalesQuote,
  SalesQuoteQuery,
  SalesQuoteSummary,
} from '@tradecounter/contracts';
import type { Observable } from 'rxjs';
import { queryParams } from '../shared/http-params';

/** The sales quotes routes of api.md ("Routes added for the whole order cycle"). */
@Injectable({ providedIn: 'root' })
export class QuotesApi {
  private readonly http = inject(HttpClient);

  list(query: SalesQuoteQuery): Observable<Page<SalesQuoteSummary>> {
    return this.http.get<Page<SalesQuoteSummary>>('/api/quotes', { params: queryParams(query) });
  }

  /** The quote at its latest revision, or at `revision` (earlier ones stay readable). */
  get(id: string, revision?: number): Observable<SalesQuote> {
    return this.http.get<SalesQuote>(this.url(id), {
      params: revision ? { revision: String(revision) } : {},
    });
  }

  /** A new request; the key is made once per submit so a double click makes one request. */
  request(body: CreateSalesQuoteRequest, idempotencyKey: string): Observable<SalesQuote> {
    return this.http.post<SalesQuote>('/api/quotes', body, {
      headers: { 'Idempotency-Key': idempotencyKey },
    });
  }

  /** Prices a requested quote, or makes a new revision of a quoted (or expired) one. */
  quote(id: string, body: QuoteSalesQuoteRequest): Observable<SalesQuote> {
    return this.http.post<SalesQuote>(`${this.url(id)}/quote`, body);
  }

  /** What accepting would place (`?dryRun=true`): priced lines, the fresh promise, approval and credit. */
  previewAccept(id: string, body: AcceptSalesQuoteRequest): Observable<OrderPreview> {
    return this.http.post<OrderPreview>(`${this.url(id)}/accept`, body, { params: { dryRun: 'true' } });
  }

  accept(id: string, body: AcceptSalesQuoteRequest, idempotencyKey: string): Observable<Order> {
    return this.http.post<Order>(`${this.url(id)}/accept`, body, {
      headers: { 'Idempotency-Key': idempotencyKey },
    });
  }

  requestChanges(id: string, message: string): Observable<SalesQuote> {
    return this.http.post<SalesQuote>(`${this.url(id)}/request-changes`, { message });
  }

  decline(id: string, reason: string): Observable<SalesQuote> {
    return this.http.post<SalesQuote>(`${this.url(id)}/decline`, { reason });
  }

  withdraw(id: string, reason: string): Observable<SalesQuote> {
    return this.http.post<SalesQuote>(`${this.url(id)}/withdraw`, { reason });
  }

  private url(id: string): string {
    return `/api/quotes/${encodeURIComponent(id)}`;
  }
}
