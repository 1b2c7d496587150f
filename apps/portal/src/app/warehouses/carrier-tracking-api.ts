import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { CarrierTracking } from '@tradecounter/contracts';
import { Observable } from 'rxjs';

/** The carriers' tracking page templates (settings; an admin writes). */
@Injectable({ providedIn: 'root' })
export class CarrierTrackingApi {
  private readonly http = inject(HttpClient);

  list(): Observable<CarrierTracking[]> {
    return this.http.get<CarrierTracking[]>('/api/carrier-tracking');
  }

  set(carrier: string, urlTemplate: string): Observable<CarrierTracking> {
    return this.http.put<CarrierTracking>(`/api/carrier-tracking/${encodeURIComponent(carrier)}`, {
      urlTemplate,
    });
  }

  remove(carrier: string): Observable<void> {
    return this.http.delete<void>(`/api/carrier-tracking/${encodeURIComponent(carrier)}`);
  }
}
