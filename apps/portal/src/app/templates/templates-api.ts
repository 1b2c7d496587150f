import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  CreateTemplateRequest,
  OrderTemplate,
  OrderTemplateSummary,
  Page,
  QuickOrderResult,
  SortDirection,
  TemplateSortField,
  UpdateTemplateRequest,
} from '@tradecounter/contracts';
import { Observable } from 'rxjs';
import { queryParams } from '../shared/http-params';

@Injectable({ providedIn: 'root' })
export class TemplatesApi {
  private readonly http = inject(HttpClient);

  list(query: {
    search?: string;
    page?: number;
    pageSize?: number;
    sort?: TemplateSortField;
    dir?: SortDirection;
  }): Observable<Page<OrderTemplateSummary>> {
    return this.http.get<Page<OrderTemplateSummary>>('/api/templates', { params: queryParams(query) });
  }

  get(id: string): Observable<OrderTemplate> {
    return this.http.get<OrderTemplate>(this.url(id));
  }

  create(body: CreateTemplateRequest): Observable<OrderTemplate> {
    return this.http.post<OrderTemplate>('/api/templates', body);
  }

  update(id: string, body: UpdateTemplateRequest): Observable<OrderTemplate> {
    return this.http.patch<OrderTemplate>(this.url(id), body);
  }

  remove(id: string): Observable<void> {
    return this.http.delete<void>(this.url(id));
  }

  toCart(id: string): Observable<QuickOrderResult> {
    return this.http.post<QuickOrderResult>(`${this.url(id)}/to-cart`, {});
  }

  private url(id: string): string {
    return `/api/templates/${encodeURIComponent(id)}`;
  }
}
