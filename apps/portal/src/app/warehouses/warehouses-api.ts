import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  CreateWarehouseRequest,
  HolidayList,
  NamedHoliday,
  PublicHolidayPreview,
  UpdateWarehouseRequest,
  Warehouse,
} from '@tradecounter/contracts';
import { Observable } from 'rxjs';
import { ifMatch, versionEtag } from '../shared/versioned';

@Injectable({ providedIn: 'root' })
export class WarehousesApi {
  private readonly http = inject(HttpClient);

  list(): Observable<Warehouse[]> {
    return this.http.get<Warehouse[]>('/api/warehouses');
  }

  create(body: CreateWarehouseRequest): Observable<Warehouse> {
    return this.http.post<Warehouse>('/api/warehouses', body);
  }

  /** A stale version answers 412. */
  update(warehouse: Warehouse, body: UpdateWarehouseRequest): Observable<Warehouse> {
    return this.http.patch<Warehouse>(`/api/warehouses/${encodeURIComponent(warehouse.code)}`, body, {
      headers: ifMatch(versionEtag(warehouse.version)),
    });
  }

  holidays(): Observable<HolidayList> {
    return this.http.get<HolidayList>('/api/calendar/holidays');
  }

  namedHolidays(): Observable<NamedHoliday[]> {
    return this.http.get<NamedHoliday[]>('/api/calendar/holidays/named');
  }

  /** Replaces the whole list, names included (answers the dates). */
  replaceHolidays(holidays: NamedHoliday[]): Observable<HolidayList> {
    return this.http.put<HolidayList>('/api/calendar/holidays', holidays);
  }

  /** The configured country's public holidays for `year`, to preview. */
  publicHolidays(year: number): Observable<PublicHolidayPreview> {
    return this.http.get<PublicHolidayPreview>('/api/calendar/public-holidays', { params: { year } });
  }
}
