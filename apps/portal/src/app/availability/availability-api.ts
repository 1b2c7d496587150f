import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import type { HolidayList, IsoDate, PromiseRequest, PromiseResponse } from '@tradecounter/contracts';
import { catchError, map, Observable, of } from 'rxjs';

@Injectable({ providedIn: 'root' })
export class AvailabilityApi {
  private readonly http = inject(HttpClient);

  /** When each part of the lines would ship and arrive if ordered now. */
  promise(body: PromiseRequest): Observable<PromiseResponse> {
    return this.http.post<PromiseResponse>('/api/availability/promise', body);
  }

  holidays(): Observable<HolidayList> {
    return this.http.get<HolidayList>('/api/calendar/holidays');
  }
}

/**
 * The holiday calendar, read once per session: it only words how far off a
 * date is ("in about 3 weeks"), so weekends alone will do if it fails to load.
 */
@Injectable({ providedIn: 'root' })
export class BusinessCalendar {
  readonly holidays = toSignal(
    inject(AvailabilityApi)
      .holidays()
      .pipe(
        map((dates) => new Set<IsoDate>(dates)),
        catchError(() => of(new Set<IsoDate>())),
      ),
    { initialValue: new Set<IsoDate>() },
  );
}
