import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  ImportAction,
  ImportJob,
  ImportKind,
  ImportKindInfo,
  ImportResult,
  ImportRowDetail,
  Page,
  PageQuery,
} from '@tradecounter/contracts';
import type { Observable } from 'rxjs';
import { queryParams } from '../shared/http-params';
import type { FileFormat } from './import-file';

/** The file formats the page reads and writes (`json` is the ERP sync's, through the API). */

export interface ImportRowsQuery extends PageQuery {
  action?: ImportAction;
}

/** The imports and exports routes of api.md ("Loading an existing business"). */
@Injectable({ providedIn: 'root' })
export class ImportsApi {
  private readonly http = inject(HttpClient);

  kinds(): Observable<ImportKindInfo[]> {
    return this.http.get<ImportKindInfo[]>('/api/imports/kinds');
  }

  /** An empty file of the kind's columns (with an example row), as a file to save. */
  template(kind: ImportKind, format: FileFormat): Observable<Blob> {
    return this.http.get(`/api/imports/templates/${encodeURIComponent(kind)}`, {
      params: queryParams({ format }),
      responseType: 'blob',
    });
  }

  /**
   * A dry run of a file: the file itself is the body, with its own type (as
   * photos are sent). 200 answers the finished result, 202 a job to poll.
   */
  dryRun(kind: ImportKind, file: File, contentType: string): Observable<ImportResult | ImportJob> {
    return this.http.post<ImportResult | ImportJob>(`/api/imports/${encodeURIComponent(kind)}`, file, {
      params: queryParams({ dryRun: true, fileName: file.name }),
      headers: { 'Content-Type': contentType },
    });
  }

  get(id: string): Observable<ImportJob> {
    return this.http.get<ImportJob>(this.url(id));
  }

  rows(id: string, query: ImportRowsQuery): Observable<Page<ImportRowDetail>> {
    return this.http.get<Page<ImportRowDetail>>(`${this.url(id)}/rows`, { params: queryParams(query) });
  }

  /** The file's error rows as they were, with an `error` column, to fix and upload again. */
  errorRows(id: string): Observable<Blob> {
    return this.http.get(`${this.url(id)}/errors.csv`, { responseType: 'blob' });
  }

  /** Validates again and writes all or nothing: 409 (with the new result) when anything changed. */
  commit(id: string): Observable<ImportResult | ImportJob> {
    return this.http.post<ImportResult | ImportJob>(`${this.url(id)}/commit`, {});
  }

  cancel(id: string): Observable<ImportJob> {
    return this.http.post<ImportJob>(`${this.url(id)}/cancel`, {});
  }

  history(query: PageQuery): Observable<Page<ImportJob>> {
    return this.http.get<Page<ImportJob>>('/api/imports', { params: queryParams(query) });
  }

  /** Every record of a kind in its import columns: a round trip edits this file. */
  export(kind: ImportKind, format: FileFormat): Observable<Blob> {
    return this.http.get(`/api/exports/${encodeURIComponent(kind)}`, {
      params: queryParams({ format }),
      responseType: 'blob',
    });
  }

  private url(id: string): string {
    return `/api/imports/${encodeURIComponent(id)}`;
  }
}
