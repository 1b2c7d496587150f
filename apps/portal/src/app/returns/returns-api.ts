import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  ApproveReturnRequest,
  CreateReturnRequest,
  CreditNote,
  CreditNoteSummary,
  Page,
  PageQuery,
  ProductReturn,
  ReceiveReturnRequest,
  ReturnableOrder,
  ReturnPhoto,
  ReturnReceiptResult,
  ReturnSettings,
  ReturnStatus,
  ReturnSummary,
} from '@tradecounter/contracts';
import type { Observable } from 'rxjs';
import { queryParams } from '../shared/http-params';

export interface ReturnListQuery extends PageQuery {
  status?: ReturnStatus;
  accountId?: string;
  orderId?: string;
}

export interface CreditNoteListQuery extends PageQuery {
  accountId?: string;
  returnId?: string;
}

/** The returns and credit notes routes of api.md ("Returns and after-sales"). */
@Injectable({ providedIn: 'root' })
export class ReturnsApi {
  private readonly http = inject(HttpClient);

  list(query: ReturnListQuery): Observable<Page<ReturnSummary>> {
    return this.http.get<Page<ReturnSummary>>('/api/returns', { params: queryParams(query) });
  }

  get(id: string): Observable<ProductReturn> {
    return this.http.get<ProductReturn>(this.url(id));
  }

  /** What of a delivered order may still come back, with the fee per reason. */
  returnable(orderId: string): Observable<ReturnableOrder> {
    return this.http.get<ReturnableOrder>(`/api/orders/${encodeURIComponent(orderId)}/returnable`);
  }

  create(body: CreateReturnRequest): Observable<ProductReturn> {
    return this.http.post<ProductReturn>('/api/returns', body);
  }

  approve(id: string, body: ApproveReturnRequest): Observable<ProductReturn> {
    return this.http.post<ProductReturn>(`${this.url(id)}/approve`, body);
  }

  reject(id: string, reason: string): Observable<ProductReturn> {
    return this.http.post<ProductReturn>(`${this.url(id)}/reject`, { reason });
  }

  close(id: string, reason: string): Observable<ProductReturn> {
    return this.http.post<ProductReturn>(`${this.url(id)}/close`, { reason });
  }

  receive(id: string, body: ReceiveReturnRequest): Observable<ReturnReceiptResult> {
    return this.http.post<ReturnReceiptResult>(`${this.url(id)}/receive`, body);
  }

  /** A photo of the goods: the file itself as the body, with its own type (as product images are sent). */
  addPhoto(id: string, file: File): Observable<ReturnPhoto> {
    return this.http.post<ReturnPhoto>(`${this.url(id)}/photos`, file, {
      headers: { 'Content-Type': file.type || 'application/octet-stream' },
    });
  }

  /** A photo through the client, so the request carries the sign-in (an <img src> would not). */
  photo(url: string): Observable<Blob> {
    return this.http.get(url, { responseType: 'blob' });
  }

  creditNotes(query: CreditNoteListQuery): Observable<Page<CreditNoteSummary>> {
    return this.http.get<Page<CreditNoteSummary>>('/api/credit-notes', { params: queryParams(query) });
  }

  creditNote(id: string): Observable<CreditNote> {
    return this.http.get<CreditNote>(`/api/credit-notes/${encodeURIComponent(id)}`);
  }

  settings(): Observable<ReturnSettings> {
    return this.http.get<ReturnSettings>('/api/return-settings');
  }

  private url(id: string): string {
    return `/api/returns/${encodeURIComponent(id)}`;
  }
}

export function returnPdfUrl(id: string): string {
  return `/api/documents/returns/${id}.pdf`;
}

export function creditNotePdfUrl(id: string): string {
  return `/api/documents/credit-notes/${id}.pdf`;
}
