import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { BuyAgainItem } from '@tradecounter/contracts';
import { Observable } from 'rxjs';

@Injectable({ providedIn: 'root' })
export class HomeApi {
  private readonly http = inject(HttpClient);

  /** What the account bought in the last 12 months, newest first (GET /api/me/buy-again). */
  buyAgain(limit: number): Observable<BuyAgainItem[]> {
    return this.http.get<BuyAgainItem[]>('/api/me/buy-again', { params: { limit } });
  }
}
