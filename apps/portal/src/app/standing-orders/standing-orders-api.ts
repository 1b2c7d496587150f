import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  CreateStandingOrderRequest,
  IsoDate,
  Page,
  StandingOrder,
  StandingOrderListQuery,
  StandingOrderSummary,
  UpdateStandingOrderRequest,
} from '@tradecounter/contracts';
import { Observable } from 'rxjs';
import { queryParams } from '../shared/http-params';

/** /api/standing-orders: the schedules that place an account's repeat orders. */
@Injectable({ providedIn: 'root' })
export class StandingOrdersApi {
  private readonly http = inject(HttpClient);

  list(query: StandingOrderListQuery): Observable<Page<StandingOrderSummary>> {
    return this.http.get<Page<StandingOrderSummary>>('/api/standing-orders', {
      params: queryParams({ ...query }),
    });
  }

  get(id: string): Observable<StandingOrder> {
    return this.http.get<StandingOrder>(this.url(id));
  }

  create(body: CreateStandingOrderRequest): Observable<StandingOrder> {
    return this.http.post<StandingOrder>('/api/standing-orders', body);
  }

  update(id: string, body: UpdateStandingOrderRequest): Observable<StandingOrder> {
    return this.http.patch<StandingOrder>(this.url(id), body);
  }

  /** Skips a future run (the next one without a date). */
  skip(id: string, runDate?: IsoDate): Observable<StandingOrder> {
    return this.http.post<StandingOrder>(`${this.url(id)}/skip`, runDate ? { runDate } : {});
  }

  unskip(id: string, runDate: IsoDate): Observable<StandingOrder> {
    return this.http.post<StandingOrder>(`${this.url(id)}/unskip`, { runDate });
  }

  private url(id: string): string {
    return `/api/standing-orders/${encodeURIComponent(id)}`;
  }
}
