import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  Account,
  AccountQuery,
  AccountUser,
  Address,
  AuditEntry,
  CreateAccountRequest,
  CreateAccountUserRequest,
  CreateAddressRequest,
  InternalUser,
  Page,
  UpdateAccountRequest,
  UpdateAccountUserRequest,
} from '@tradecounter/contracts';
import { MAX_PAGE_SIZE } from '@tradecounter/contracts';
import { map, Observable } from 'rxjs';
import { queryParams } from '../shared/http-params';
import { ifMatch, type Versioned, versioned } from '../shared/versioned';

export type { Versioned } from '../shared/versioned';

@Injectable({ providedIn: 'root' })
export class AccountsApi {
  private readonly http = inject(HttpClient);

  list(query: AccountQuery): Observable<Page<Account>> {
    return this.http.get<Page<Account>>('/api/accounts', { params: queryParams(query) });
  }

  get(id: string): Observable<Account> {
    return this.http.get<Account>(this.url(id));
  }

  /** The account with its ETag, to send back as If-Match when saving. */
  getVersioned(id: string): Observable<Versioned<Account>> {
    return this.http.get<Account>(this.url(id), { observe: 'response' }).pipe(map(versioned));
  }

  create(body: CreateAccountRequest): Observable<Account> {
    return this.http.post<Account>('/api/accounts', body);
  }

  /** A stale `etag` answers 412: someone else saved the account meanwhile. */
  update(id: string, body: UpdateAccountRequest, etag: string | null): Observable<Versioned<Account>> {
    return this.http
      .patch<Account>(this.url(id), body, { headers: ifMatch(etag), observe: 'response' })
      .pipe(map(versioned));
  }

  addresses(accountId: string): Observable<Address[]> {
    return this.http.get<Address[]>(`${this.url(accountId)}/addresses`);
  }

  createAddress(accountId: string, body: CreateAddressRequest): Observable<Address> {
    return this.http.post<Address>(`${this.url(accountId)}/addresses`, body);
  }

  users(accountId: string): Observable<AccountUser[]> {
    return this.http.get<AccountUser[]>(`${this.url(accountId)}/users`);
  }

  createUser(accountId: string, body: CreateAccountUserRequest): Observable<AccountUser> {
    return this.http.post<AccountUser>(`${this.url(accountId)}/users`, body);
  }

  /** A new set-password link for a user who has not set one (the old link stops working). */
  inviteUser(accountId: string, userId: string): Observable<void> {
    return this.http.post<void>(`${this.url(accountId)}/users/${encodeURIComponent(userId)}/invite`, {});
  }

  updateUser(accountId: string, userId: string, body: UpdateAccountUserRequest): Observable<AccountUser> {
    return this.http.patch<AccountUser>(`${this.url(accountId)}/users/${encodeURIComponent(userId)}`, body);
  }

  history(accountId: string, page: number, pageSize = 25): Observable<Page<AuditEntry>> {
    return this.http.get<Page<AuditEntry>>('/api/audit', {
      params: queryParams({ entity: 'account', entityId: accountId, page, pageSize }),
    });
  }

  accountManagers(): Observable<InternalUser[]> {
    return this.http
      .get<Page<InternalUser>>('/api/users', {
        params: queryParams({ role: 'account_manager', pageSize: MAX_PAGE_SIZE }),
      })
      .pipe(map((page) => page.items));
  }

  private url(id: string): string {
    return `/api/accounts/${encodeURIComponent(id)}`;
  }
}
