import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { CompanySettings, ReturnSettings } from '@tradecounter/contracts';
import { Observable } from 'rxjs';

/** The shop-wide settings an admin keeps: return fees and window, and the documents' letterhead. */
@Injectable({ providedIn: 'root' })
export class SettingsApi {
  private readonly http = inject(HttpClient);

  returnSettings(): Observable<ReturnSettings> {
    return this.http.get<ReturnSettings>('/api/return-settings');
  }

  saveReturnSettings(body: ReturnSettings): Observable<ReturnSettings> {
    return this.http.put<ReturnSettings>('/api/return-settings', body);
  }

  company(): Observable<CompanySettings> {
    return this.http.get<CompanySettings>('/api/settings/company');
  }

  saveCompany(body: Omit<CompanySettings, 'hasLogo' | 'version'>): Observable<CompanySettings> {
    return this.http.put<CompanySettings>('/api/settings/company', body);
  }

  /** The logo as a blob: an `<img>` cannot send the sign-in, so the page shows an object URL. */
  logo(): Observable<Blob> {
    return this.http.get('/api/settings/company/logo', { responseType: 'blob' });
  }

  /** Multipart, field `file` (PNG or JPEG, at most 1 MB). */
  putLogo(file: File): Observable<CompanySettings> {
    const body = new FormData();
    body.append('file', file, file.name);
    return this.http.put<CompanySettings>('/api/settings/company/logo', body);
  }

  removeLogo(): Observable<CompanySettings> {
    return this.http.delete<CompanySettings>('/api/settings/company/logo');
  }
}
