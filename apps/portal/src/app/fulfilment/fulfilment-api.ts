import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  CreateShipmentRequest,
  FulfilmentOrder,
  FulfilmentQueue,
  FulfilmentQueues,
  FulfilmentSortField,
  Order,
  PackOrderRequest,
  Page,
  PickListOrder,
  SortDirection,
} from '@tradecounter/contracts';
import { Observable } from 'rxjs';
import { queryParams } from '../shared/http-params';

/** One queue of the fulfilment board, a page of it. */
export interface BoardQuery {
  warehouseCode: string;
  status: FulfilmentQueue;
  page: number;
  pageSize: number;
  sort?: FulfilmentSortField;
  dir?: SortDirection;
}

@Injectable({ providedIn: 'root' })
export class FulfilmentApi {
  private readonly http = inject(HttpClient);

  queues(warehouseCode: string): Observable<FulfilmentQueues> {
    return this.http.get<FulfilmentQueues>('/api/fulfilment/queues', {
      params: queryParams({ warehouseCode }),
    });
  }

  orders(query: BoardQuery): Observable<Page<FulfilmentOrder>> {
    return this.http.get<Page<FulfilmentOrder>>('/api/fulfilment/orders', { params: queryParams(query) });
  }

  pickList(query: {
    warehouseCode: string;
    orderId?: string;
    pageSize: number;
  }): Observable<Page<PickListOrder>> {
    return this.http.get<Page<PickListOrder>>('/api/fulfilment/pick-list', { params: queryParams(query) });
  }

  startPicking(orderId: string): Observable<Order> {
    return this.http.post<Order>(`${this.order(orderId)}/pick`, {});
  }

  pack(orderId: string, body: PackOrderRequest): Observable<Order> {
    return this.http.post<Order>(`${this.order(orderId)}/pack`, body);
  }

  /** 409 with per-line reasons when a line asks more than remains or is reserved. */
  ship(orderId: string, body: CreateShipmentRequest): Observable<Order> {
    return this.http.post<Order>(`${this.order(orderId)}/shipments`, body);
  }

  deliver(shipmentId: string, deliveredAt: string): Observable<Order> {
    return this.http.post<Order>(`/api/shipments/${encodeURIComponent(shipmentId)}/deliver`, { deliveredAt });
  }

  private order(id: string): string {
    return `/api/orders/${encodeURIComponent(id)}`;
  }
}
