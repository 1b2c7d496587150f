import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { AuditEntry, AuditQuery, Page } from '@tradecounter/contracts';
import type { Observable } from 'rxjs';
import { queryParams } from '../shared/http-params';

/** `GET /api/audit`: the whole trail, newest first, narrowed by record kind or change set. */
@Injectable({ providedIn: 'root' })
export class AuditApi {
  private readonly http = inject(HttpClient);

  list(query: AuditQuery): Observable<Page<AuditEntry>> {
    return this.http.get<Page<AuditEntry>>('/api/audit', { params: queryParams(query) });
  }
}
