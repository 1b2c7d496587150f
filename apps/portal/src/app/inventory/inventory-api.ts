import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  CreateInboundRequest,
  Inbound,
  InboundQuery,
  Page,
  SetStockRequest,
  StockLevel,
  StockQuery,
  UpdateInboundRequest,
} from '@tradecounter/contracts';
import { Observable } from 'rxjs';
import { queryParams } from '../shared/http-params';
import { ifMatch, versionEtag } from '../shared/versioned';

@Injectable({ providedIn: 'root' })
export class InventoryApi {
  private readonly http = inject(HttpClient);

  stock(query: StockQuery): Observable<Page<StockLevel>> {
    return this.http.get<Page<StockLevel>>('/api/stock', { params: queryParams(query) });
  }

  /** Sets on-hand, the bin, or both; 409 when `onHand` would go below what is reserved for orders. */
  setStock(productId: string, warehouseCode: string, body: SetStockRequest): Observable<StockLevel> {
    return this.http.put<StockLevel>(
      `/api/stock/${encodeURIComponent(productId)}/${encodeURIComponent(warehouseCode)}`,
      body,
    );
  }

  inbound(query: InboundQuery): Observable<Page<Inbound>> {
    return this.http.get<Page<Inbound>>('/api/inbound', { params: queryParams(query) });
  }

  createInbound(body: CreateInboundRequest): Observable<Inbound> {
    return this.http.post<Inbound>('/api/inbound', body);
  }

  /**
   * Only while expected; 409 when the quantity would go below what is promised
   * to orders, 412 when someone changed the receipt since it was read.
   */
  updateInbound(inbound: Inbound, body: UpdateInboundRequest): Observable<Inbound> {
    return this.http.patch<Inbound>(`/api/inbound/${encodeURIComponent(inbound.id)}`, body, {
      headers: ifMatch(versionEtag(inbound.version)),
    });
  }

  /** Puts the receipt's units on hand; 409 when it is no longer expected, 412 when changed since read. */
  receive(inbound: Inbound): Observable<Inbound> {
    return this.http.post<Inbound>(
      `/api/inbound/${encodeURIComponent(inbound.id)}/receive`,
      {},
      { headers: ifMatch(versionEtag(inbound.version)) },
    );
  }
}
