import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { SalesQuery, SalesReport } from '@tradecounter/contracts';
import type { Observable } from 'rxjs';
import { queryParams } from '../shared/http-params';

@Injectable({ providedIn: 'root' })
export class ReportsApi {
  private readonly http = inject(HttpClient);

  sales(query: SalesQuery): Observable<SalesReport> {
    return this.http.get<SalesReport>('/api/reports/sales', { params: queryParams(query) });
  }

  /** The same report as CSV (through the client, so the request carries the sign-in). */
  salesCsv(query: SalesQuery): Observable<Blob> {
    return this.http.get('/api/reports/sales', {
      params: queryParams({ ...query, format: 'csv' }),
      responseType: 'blob',
    });
  }
}
