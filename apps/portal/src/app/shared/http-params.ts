import { HttpParams } from '@angular/common/http';

/** Query parameters without the empty ones: `{search: '', page: 2}` → `?page=2`. */
export function queryParams(query: object): HttpParams {
  let params = new HttpParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params = params.set(key, String(value));
  }
  return params;
}
