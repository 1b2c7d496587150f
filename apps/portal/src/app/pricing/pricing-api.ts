import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  AuditEntry,
  AuditQuery,
  ContractPrice,
  CreatePriceTierRequest,
  Page,
  PriceTier,
  PriceTierSummary,
  Quote,
  QuoteRequest,
  SetContractPriceRequest,
  UpdatePriceTierRequest,
  VolumeBreakInput,
  TierChangePreview,
} from '@tradecounter/contracts';
import { map, Observable } from 'rxjs';
import { queryParams } from '../shared/http-params';
import { ifMatch, type Versioned, versioned } from '../shared/versioned';

@Injectable({ providedIn: 'root' })
export class PricingApi {
  private readonly http = inject(HttpClient);

  tiers(): Observable<PriceTierSummary[]> {
    return this.http.get<PriceTierSummary[]>('/api/price-tiers');
  }

  tier(id: string): Observable<Versioned<PriceTier>> {
    return this.http.get<PriceTier>(this.tierUrl(id), { observe: 'response' }).pipe(map(versioned));
  }

  createTier(body: CreatePriceTierRequest): Observable<PriceTier> {
    return this.http.post<PriceTier>('/api/price-tiers', body);
  }

  /** A stale `etag` answers 412. */
  updateTier(
    id: string,
    body: UpdatePriceTierRequest,
    etag: string | null,
  ): Observable<Versioned<PriceTier>> {
    return this.http
      .patch<PriceTier>(this.tierUrl(id), body, { headers: ifMatch(etag), observe: 'response' })
      .pipe(map(versioned));
  }

  /** Replaces the whole set of breaks; the server requires If-Match. */
  replaceBreaks(
    id: string,
    breaks: VolumeBreakInput[],
    etag: string | null,
  ): Observable<Versioned<PriceTier>> {
    return this.http
      .put<PriceTier>(`${this.tierUrl(id)}/breaks`, breaks, { headers: ifMatch(etag), observe: 'response' })
      .pipe(map(versioned));
  }

  setFixedPrice(
    id: string,
    productId: string,
    unitPrice: string,
    etag: string | null,
  ): Observable<Versioned<PriceTier>> {
    return this.http
      .put<PriceTier>(
        `${this.tierUrl(id)}/fixed-prices/${encodeURIComponent(productId)}`,
        { unitPrice },
        { headers: ifMatch(etag), observe: 'response' },
      )
      .pipe(map(versioned));
  }

  deleteFixedPrice(id: string, productId: string, etag: string | null): Observable<Versioned<PriceTier>> {
    return this.http
      .delete<PriceTier>(`${this.tierUrl(id)}/fixed-prices/${encodeURIComponent(productId)}`, {
        headers: ifMatch(etag),
        observe: 'response',
      })
      .pipe(map(versioned));
  }

  contractPrices(accountId: string): Observable<ContractPrice[]> {
    return this.http.get<ContractPrice[]>(this.contractUrl(accountId));
  }

  /** Answers the account's whole list; 409 when the window overlaps another of that product. */
  setContractPrice(
    accountId: string,
    productId: string,
    body: SetContractPriceRequest,
  ): Observable<ContractPrice[]> {
    return this.http.put<ContractPrice[]>(
      `${this.contractUrl(accountId)}/${encodeURIComponent(productId)}`,
      body,
    );
  }

  deleteContractPrice(accountId: string, productId: string, validFrom: string): Observable<ContractPrice[]> {
    return this.http.delete<ContractPrice[]>(
      `${this.contractUrl(accountId)}/${encodeURIComponent(productId)}`,
      {
        params: queryParams({ validFrom }),
      },
    );
  }

  /** Recent order lines of the account priced on its present tier and on `priceTierId` (null: no tier). */
  tierChangePreview(accountId: string, priceTierId: string | null): Observable<TierChangePreview> {
    return this.http.get<TierChangePreview>(
      `/api/accounts/${encodeURIComponent(accountId)}/tier-change-preview`,
      { params: priceTierId ? { priceTierId } : {} },
    );
  }

  quote(body: QuoteRequest): Observable<Quote> {
    return this.http.post<Quote>('/api/pricing/quote', body);
  }

  audit(query: AuditQuery): Observable<Page<AuditEntry>> {
    return this.http.get<Page<AuditEntry>>('/api/audit', { params: queryParams(query) });
  }

  private tierUrl(id: string): string {
    return `/api/price-tiers/${encodeURIComponent(id)}`;
  }

  private contractUrl(accountId: string): string {
    return `/api/accounts/${encodeURIComponent(accountId)}/contract-prices`;
  }
}
