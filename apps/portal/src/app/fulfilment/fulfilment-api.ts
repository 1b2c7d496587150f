import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  CheckOrderRequest,
  CreateShipmentRequest,
  CreateWaveRequest,
  OrderCheck,
  ShortPickRequest,
  SlottingReport,
  VelocityRow,
  Wave,
  WaveStatus,
  WaveSummary,
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

  /** 409 when an order is not confirmed or already in an open wave. */
  createWave(body: CreateWaveRequest): Observable<Wave> {
    return this.http.post<Wave>('/api/fulfilment/waves', body);
  }

  waves(query: {
    warehouseCode?: string;
    status?: WaveStatus;
    page: number;
    pageSize: number;
  }): Observable<Page<WaveSummary>> {
    return this.http.get<Page<WaveSummary>>('/api/fulfilment/waves', { params: queryParams(query) });
  }

  wave(id: string): Observable<Wave> {
    return this.http.get<Wave>(this.waveUrl(id));
  }

  /** Answers with the wave as it now stands (the short units recorded, the line re-promised). */
  shortPick(waveId: string, body: ShortPickRequest): Observable<Wave> {
    return this.http.post<Wave>(`${this.waveUrl(waveId)}/short`, body);
  }

  closeWave(id: string): Observable<Wave> {
    return this.http.post<Wave>(`${this.waveUrl(id)}/close`, {});
  }

  check(orderId: string): Observable<OrderCheck> {
    return this.http.get<OrderCheck>(`${this.order(orderId)}/check`);
  }

  /** 409 (a problem naming the mismatch) when the SKU, barcode or quantity does not match the order. */
  submitCheck(orderId: string, body: CheckOrderRequest): Observable<OrderCheck> {
    return this.http.post<OrderCheck>(`${this.order(orderId)}/check`, body);
  }

  velocity(warehouseCode: string): Observable<VelocityRow[]> {
    return this.http.get<VelocityRow[]>('/api/fulfilment/velocity', {
      params: queryParams({ warehouseCode }),
    });
  }

  slotting(warehouseCode: string): Observable<SlottingReport> {
    return this.http.get<SlottingReport>('/api/fulfilment/slotting', {
      params: queryParams({ warehouseCode }),
    });
  }

  private waveUrl(id: string): string {
    return `/api/fulfilment/waves/${encodeURIComponent(id)}`;
  }

  private order(id: string): string {
    return `/api/orders/${encodeURIComponent(id)}`;
  }
}
