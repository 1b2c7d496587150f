import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { AuditEntry, AuditQuery, Page } from '@tradecounter/contracts';
import type { Observable } from 'rxjs';
import { queryParams } from '../shared/http-params';

export interface AuditTrailQuery extends AuditQuery {
  /** Only the entries of one change set: an import's id. */
  changeSetId?: string;
}

/** `GET /api/audit`: the whole trail, newest first, narrowed by record kind or change set. */
@Injectable({ providedIn: 'root' })
export class AuditApi {
  private readonly http = inject(HttpClient);

  list(query: AuditTrailQuery): Observable<Page<AuditEntry>> {
    return this.http.get<Page<AuditEntry>>('/api/audit', { params: queryParams(query) });
  }
}
