import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { Cart, QuickOrderRequest, QuickOrderResult, SetCartLineRequest } from '@tradecounter/contracts';
import { Observable } from 'rxjs';

/** The signed-in customer user's server-side cart (always priced and promised by the API). */
@Injectable({ providedIn: 'root' })
export class CartApi {
  private readonly http = inject(HttpClient);

  cart(): Observable<Cart> {
    return this.http.get<Cart>('/api/cart');
  }

  /** 400 with the reason and a `suggestedQuantity` when the pack rules refuse the quantity. */
  setLine(productId: string, quantity: number): Observable<Cart> {
    const body: SetCartLineRequest = { quantity };
    return this.http.put<Cart>(`/api/cart/lines/${encodeURIComponent(productId)}`, body);
  }

  removeLine(productId: string): Observable<Cart> {
    return this.http.delete<Cart>(`/api/cart/lines/${encodeURIComponent(productId)}`);
  }

  clear(): Observable<Cart> {
    return this.http.delete<Cart>('/api/cart');
  }

  /** Quick order: adds and merges; a result per row. */
  addLines(lines: QuickOrderRequest['lines']): Observable<QuickOrderResult> {
    const body: QuickOrderRequest = { lines };
    return this.http.post<QuickOrderResult>('/api/cart/lines', body);
  }

  /** A `sku,quantity` file, sent as it is. */
  importCsv(csv: string): Observable<QuickOrderResult> {
    return this.http.post<QuickOrderResult>('/api/cart/import', csv, {
      headers: { 'Content-Type': 'text/csv' },
    });
  }

  reorder(orderId: string): Observable<QuickOrderResult> {
    return this.http.post<QuickOrderResult>(`/api/cart/reorder/${encodeURIComponent(orderId)}`, {});
  }
}
