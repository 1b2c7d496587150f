import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  Category,
  CreateProductRequest,
  Page,
  Product,
  ProductQuery,
  UpdateProductRequest,
} from '@tradecounter/contracts';
import { Observable } from 'rxjs';
import { queryParams } from '../shared/http-params';

@Injectable({ providedIn: 'root' })
export class CatalogApi {
  private readonly http = inject(HttpClient);

  products(query: ProductQuery): Observable<Page<Product>> {
    return this.http.get<Page<Product>>('/api/products', { params: queryParams(query) });
  }

  product(id: string): Observable<Product> {
    return this.http.get<Product>(`/api/products/${encodeURIComponent(id)}`);
  }

  categories(): Observable<Category[]> {
    return this.http.get<Category[]>('/api/categories');
  }

  create(body: CreateProductRequest): Observable<Product> {
    return this.http.post<Product>('/api/products', body);
  }

  update(id: string, body: UpdateProductRequest): Observable<Product> {
    return this.http.patch<Product>(`/api/products/${encodeURIComponent(id)}`, body);
  }
}
