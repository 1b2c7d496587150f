import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  CreditStatus,
  OpenLinesQuery,
  OpenOrderLine,
  Order,
  OrderQuery,
  OrderApprovalFacts,
  OrderPreview,
  OrderReasonRequest,
  OrderSummary,
  Page,
  PlaceOrderRequest,
  RateDeliveryRequest,
} from '@tradecounter/contracts';
import { Observable } from 'rxjs';
import { queryParams } from '../shared/http-params';

type OrderAction = 'approve' | 'release-hold' | 'mark-paid';

@Injectable({ providedIn: 'root' })
export class OrdersApi {
  private readonly http = inject(HttpClient);

  list(query: OrderQuery): Observable<Page<OrderSummary>> {
    return this.http.get<Page<OrderSummary>>('/api/orders', { params: queryParams(query) });
  }

  get(id: string): Observable<Order> {
    return this.http.get<Order>(this.url(id));
  }

  openLines(query: OpenLinesQuery): Observable<Page<OpenOrderLine>> {
    return this.http.get<Page<OpenOrderLine>>('/api/orders/open-lines', { params: queryParams(query) });
  }

  /**
   * Places an order. `idempotencyKey` is made once per checkout attempt and
   * sent again on every retry of it, so a retried request never orders twice.
   */
  place(body: PlaceOrderRequest, idempotencyKey: string): Observable<Order> {
    return this.http.post<Order>('/api/orders', body, { headers: { 'Idempotency-Key': idempotencyKey } });
  }

  /**
   * What placing this body would do (POST /api/orders?dryRun=true): priced
   * lines, promised dates, and placed / needs approval / credit hold. Nothing
   * is written and no Idempotency-Key is used.
   */
  preview(body: PlaceOrderRequest): Observable<OrderPreview> {
    return this.http.post<OrderPreview>('/api/orders', body, { params: { dryRun: 'true' } });
  }

  /** The order's total against the placing buyer's limit: what an approver weighs. */
  approval(id: string): Observable<OrderApprovalFacts> {
    return this.http.get<OrderApprovalFacts>(`${this.url(id)}/approval`);
  }

  cancel(id: string, reason: string): Observable<Order> {
    const body: OrderReasonRequest = reason ? { reason } : {};
    return this.http.post<Order>(`${this.url(id)}/cancel`, body);
  }

  reject(id: string, reason: string): Observable<Order> {
    const body: OrderReasonRequest = { reason };
    return this.http.post<Order>(`${this.url(id)}/reject`, body);
  }

  act(id: string, action: OrderAction): Observable<Order> {
    return this.http.post<Order>(`${this.url(id)}/${action}`, {});
  }

  /** Once per delivered order; 409 when not delivered yet or already rated. */
  rate(id: string, body: RateDeliveryRequest): Observable<Order> {
    return this.http.post<Order>(`${this.url(id)}/rating`, body);
  }

  credit(accountId: string): Observable<CreditStatus> {
    return this.http.get<CreditStatus>(`/api/accounts/${encodeURIComponent(accountId)}/credit`);
  }

  private url(id: string): string {
    return `/api/orders/${encodeURIComponent(id)}`;
  }
}
