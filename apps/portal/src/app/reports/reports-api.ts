import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  BacklogReport,
  DeliveryGroupBy,
  DeliveryReport,
  DormantAccountsReport,
  PromiseAccuracyReport,
  QuoteConversionQuery,
  QuoteConversionReport,
  ReportChannels,
  ReportFilter,
  ReturnRateQuery,
  ReturnRateReport,
  SalesQuery,
  SalesReport,
  SummaryReport,
  SupplierPerformanceReport,
} from '@tradecounter/contracts';
import type { Observable } from 'rxjs';
import { queryParams } from '../shared/http-params';

/** A report the API also answers as CSV: its path under /api/reports and its query. */
export interface ReportRequest {
  path:
    | 'sales'
    | 'summary'
    | 'delivery'
    | 'backlog'
    | 'promise-accuracy'
    | 'dormant-accounts'
    | 'quote-conversion'
    | 'supplier-performance'
    | 'returns';
  query: object;
}

@Injectable({ providedIn: 'root' })
export class ReportsApi {
  private readonly http = inject(HttpClient);

  sales(query: SalesQuery): Observable<SalesReport> {
    return this.get('sales', query);
  }

  summary(filter: ReportFilter): Observable<SummaryReport> {
    return this.get('summary', filter);
  }

  delivery(query: ReportFilter & { groupBy: DeliveryGroupBy }): Observable<DeliveryReport> {
    return this.get('delivery', query);
  }

  backlog(filter: ReportFilter): Observable<BacklogReport> {
    return this.get('backlog', filter);
  }

  promiseAccuracy(filter: ReportFilter): Observable<PromiseAccuracyReport> {
    return this.get('promise-accuracy', filter);
  }

  quoteConversion(query: QuoteConversionQuery): Observable<QuoteConversionReport> {
    return this.get('quote-conversion', query);
  }

  supplierPerformance(query: { from?: string; to?: string }): Observable<SupplierPerformanceReport> {
    return this.get('supplier-performance', query);
  }

  returnRate(query: ReturnRateQuery): Observable<ReturnRateReport> {
    return this.get('returns', query);
  }

  dormantAccounts(filter: ReportFilter & { days?: number }): Observable<DormantAccountsReport> {
    return this.get('dormant-accounts', filter);
  }

  /** The channel filter's choices: every channel with orders the reader may see. */
  channels(): Observable<ReportChannels> {
    return this.http.get<ReportChannels>('/api/reports/channels');
  }

  /** The same report as CSV (through the client, so the request carries the sign-in). */
  csv({ path, query }: ReportRequest): Observable<Blob> {
    return this.http.get(`/api/reports/${path}`, {
      params: queryParams({ ...query, format: 'csv' }),
      responseType: 'blob',
    });
  }

  salesCsv(query: SalesQuery): Observable<Blob> {
    return this.csv({ path: 'sales', query });
  }

  private get<T>(path: ReportRequest['path'], query: object): Observable<T> {
    return this.http.get<T>(`/api/reports/${path}`, { params: queryParams(query) });
  }
}
