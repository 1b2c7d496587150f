import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { NotificationList } from '@tradecounter/contracts';
import { Observable } from 'rxjs';

@Injectable({ providedIn: 'root' })
export class NotificationsApi {
  private readonly http = inject(HttpClient);

  recent(pageSize = 10): Observable<NotificationList> {
    return this.http.get<NotificationList>('/api/notifications', { params: { pageSize } });
  }

  markRead(id: string): Observable<void> {
    return this.http.post<void>(`/api/notifications/${encodeURIComponent(id)}/read`, null);
  }

  markAllRead(): Observable<{ updated: number }> {
    return this.http.post<{ updated: number }>('/api/notifications/read-all', null);
  }
}
