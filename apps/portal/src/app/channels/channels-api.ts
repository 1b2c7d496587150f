import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  Channel,
  CreatedChannel,
  CreateChannelRequest,
  UpdateChannelRequest,
} from '@tradecounter/contracts';
import type { Observable } from 'rxjs';

@Injectable({ providedIn: 'root' })
export class ChannelsApi {
  private readonly http = inject(HttpClient);

  list(): Observable<Channel[]> {
    return this.http.get<Channel[]>('/api/channels');
  }

  create(body: CreateChannelRequest): Observable<CreatedChannel> {
    return this.http.post<CreatedChannel>('/api/channels', body);
  }

  update(id: string, body: UpdateChannelRequest): Observable<Channel> {
    return this.http.patch<Channel>(this.url(id), body);
  }

  revoke(id: string): Observable<Channel> {
    return this.http.post<Channel>(`${this.url(id)}/revoke`, {});
  }

  private url(id: string): string {
    return `/api/channels/${encodeURIComponent(id)}`;
  }
}
