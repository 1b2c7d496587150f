import type { HttpResponse } from '@angular/common/http';

/** A resource with the ETag it was read at, to send back as If-Match. */
export interface Versioned<T> {
  value: T;
  etag: string | null;
}

export function versioned<T>(response: HttpResponse<T>): Versioned<T> {
  if (response.body === null) throw new Error('Empty response');
  return { value: response.body, etag: response.headers.get('ETag') };
}

/** `If-Match` when an ETag is known. */
export function ifMatch(etag: string | null): Record<string, string> {
  return etag ? { 'If-Match': etag } : {};
}

/** The API's ETag for a row listed with its `version` (no ETag header per item): the version, quoted. */
export function versionEtag(version: number): string {
  return `"${version}"`;
}
