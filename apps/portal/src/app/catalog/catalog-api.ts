import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  Category,
  CreateProductRequest,
  Page,
  Product,
  ProductDetail,
  ProductImage,
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

  /** With `accountId` (staff), the product is priced for that account. */
  product(id: string, accountId?: string): Observable<ProductDetail> {
    return this.http.get<ProductDetail>(`/api/products/${encodeURIComponent(id)}`, {
      params: queryParams({ accountId }),
    });
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

  /** Sends the file itself as the body, with its own type (image/jpeg, image/png or image/webp). */
  putImage(id: string, file: File): Observable<ProductImage> {
    return this.http.put<ProductImage>(`/api/products/${encodeURIComponent(id)}/image`, file, {
      headers: { 'Content-Type': file.type },
    });
  }

  removeImage(id: string): Observable<void> {
    return this.http.delete<void>(`/api/products/${encodeURIComponent(id)}/image`);
  }
}
