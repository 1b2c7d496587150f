import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  ClosePurchaseOrderRequest,
  CreatePurchaseOrderRequest,
  CreateSupplierRequest,
  DraftPurchaseOrdersRequest,
  DraftPurchaseOrdersResult,
  Page,
  ProductSupply,
  PurchaseOrder,
  PurchaseOrderQuery,
  PurchaseOrderSummary,
  PurchasingSettings,
  ReceivePurchaseOrderRequest,
  ReplenishmentSuggestion,
  ReschedulePurchaseLineRequest,
  SetProductSupplyRequest,
  ShortfallRow,
  Supplier,
  UpdatePurchaseOrderRequest,
  UpdateSupplierRequest,
} from '@tradecounter/contracts';
import type { Observable } from 'rxjs';
import { queryParams } from '../shared/http-params';
import { ifMatch, versionEtag } from '../shared/versioned';

/** The shortfall's and suggestions' filters and page. */
export interface PlanningQuery {
  warehouseCode?: string;
  supplierCode?: string;
  page?: number;
  pageSize?: number;
}

/** The purchasing routes of api.md: suppliers, product supply, purchase orders, shortfall, suggestions. */
@Injectable({ providedIn: 'root' })
export class PurchasingApi {
  private readonly http = inject(HttpClient);

  suppliers(): Observable<Supplier[]> {
    return this.http.get<Supplier[]>('/api/suppliers');
  }

  createSupplier(body: CreateSupplierRequest): Observable<Supplier> {
    return this.http.post<Supplier>('/api/suppliers', body);
  }

  /** 412 when someone changed the supplier since it was read. */
  updateSupplier(supplier: Supplier, body: UpdateSupplierRequest): Observable<Supplier> {
    return this.http.patch<Supplier>(`/api/suppliers/${encodeURIComponent(supplier.code)}`, body, {
      headers: ifMatch(versionEtag(supplier.version)),
    });
  }

  /** A product's purchasing facts; 404 until they are set. */
  supply(productId: string): Observable<ProductSupply> {
    return this.http.get<ProductSupply>(this.supplyUrl(productId));
  }

  setSupply(productId: string, body: SetProductSupplyRequest): Observable<ProductSupply> {
    return this.http.put<ProductSupply>(this.supplyUrl(productId), body);
  }

  orders(query: PurchaseOrderQuery): Observable<Page<PurchaseOrderSummary>> {
    return this.http.get<Page<PurchaseOrderSummary>>('/api/purchase-orders', { params: queryParams(query) });
  }

  order(id: string): Observable<PurchaseOrder> {
    return this.http.get<PurchaseOrder>(this.orderUrl(id));
  }

  createOrder(body: CreatePurchaseOrderRequest): Observable<PurchaseOrder> {
    return this.http.post<PurchaseOrder>('/api/purchase-orders', body);
  }

  /** Drafts only; 412 when someone changed it since it was read. */
  updateOrder(order: PurchaseOrder, body: UpdatePurchaseOrderRequest): Observable<PurchaseOrder> {
    return this.http.patch<PurchaseOrder>(this.orderUrl(order.id), body, {
      headers: ifMatch(versionEtag(order.version)),
    });
  }

  send(id: string): Observable<PurchaseOrder> {
    return this.http.post<PurchaseOrder>(`${this.orderUrl(id)}/send`, {});
  }

  cancel(id: string, reason: string): Observable<PurchaseOrder> {
    return this.http.post<PurchaseOrder>(`${this.orderUrl(id)}/cancel`, { reason });
  }

  close(id: string, body: ClosePurchaseOrderRequest): Observable<PurchaseOrder> {
    return this.http.post<PurchaseOrder>(`${this.orderUrl(id)}/close`, body);
  }

  reschedule(id: string, lineId: string, body: ReschedulePurchaseLineRequest): Observable<PurchaseOrder> {
    return this.http.post<PurchaseOrder>(
      `${this.orderUrl(id)}/lines/${encodeURIComponent(lineId)}/reschedule`,
      body,
    );
  }

  /** 409 when a line would go over its ordered quantity plus the tolerance. */
  receive(id: string, body: ReceivePurchaseOrderRequest): Observable<PurchaseOrder> {
    return this.http.post<PurchaseOrder>(`${this.orderUrl(id)}/receipts`, body);
  }

  settings(): Observable<PurchasingSettings> {
    return this.http.get<PurchasingSettings>('/api/purchasing/settings');
  }

  saveSettings(body: PurchasingSettings): Observable<PurchasingSettings> {
    return this.http.put<PurchasingSettings>('/api/purchasing/settings', body);
  }

  shortfall(query: PlanningQuery): Observable<Page<ShortfallRow>> {
    return this.http.get<Page<ShortfallRow>>('/api/purchasing/shortfall', { params: queryParams(query) });
  }

  draftShortfall(body: DraftPurchaseOrdersRequest): Observable<DraftPurchaseOrdersResult> {
    return this.http.post<DraftPurchaseOrdersResult>('/api/purchasing/shortfall/draft', body);
  }

  suggestions(query: PlanningQuery): Observable<Page<ReplenishmentSuggestion>> {
    return this.http.get<Page<ReplenishmentSuggestion>>('/api/purchasing/suggestions', {
      params: queryParams(query),
    });
  }

  draftSuggestions(body: DraftPurchaseOrdersRequest): Observable<DraftPurchaseOrdersResult> {
    return this.http.post<DraftPurchaseOrdersResult>('/api/purchasing/suggestions/draft', body);
  }

  private orderUrl(id: string): string {
    return `/api/purchase-orders/${encodeURIComponent(id)}`;
  }

  private supplyUrl(productId: string): string {
    return `/api/products/${encodeURIComponent(productId)}/supply`;
  }
}
