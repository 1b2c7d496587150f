import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { Channel, CreatedChannel, CreateChannelRequest } from '@tradecounter/contracts';
import type { Observable } from 'rxjs';

@Injectable({ providedIn: 'root' })
export class IntegrationsApi {
  private readonly http = inject(HttpClient);

  list(): Observable<Channel[]> {
    return this.http.get<Channel[]>('/api/channels');
  }

  create(body: CreateChannelRequest): Observable<CreatedChannel> {
    return this.http.post<CreatedChannel>('/api/channels', body);
  }

  revoke(id: string): Observable<Channel> {
    return this.http.post<Channel>(`/api/channels/${encodeURIComponent(id)}/revoke`, {});
  }
}
