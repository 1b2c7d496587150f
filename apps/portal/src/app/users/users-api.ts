import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  CreateInternalUserRequest,
  InternalUser,
  InternalUserQuery,
  Page,
  UpdateInternalUserRequest,
} from '@tradecounter/contracts';
import { Observable } from 'rxjs';
import { queryParams } from '../shared/http-params';

@Injectable({ providedIn: 'root' })
export class UsersApi {
  private readonly http = inject(HttpClient);

  list(query: InternalUserQuery): Observable<Page<InternalUser>> {
    return this.http.get<Page<InternalUser>>('/api/users', { params: queryParams(query) });
  }

  create(body: CreateInternalUserRequest): Observable<InternalUser> {
    return this.http.post<InternalUser>('/api/users', body);
  }

  update(id: string, body: UpdateInternalUserRequest): Observable<InternalUser> {
    return this.http.patch<InternalUser>(`/api/users/${encodeURIComponent(id)}`, body);
  }
}
