import { debounceTime, filter, map, Observable } from 'rxjs';

export const SEARCH_DEBOUNCE_MS = 250;

/**
 * The searches to put in the URL as the box is typed in: trimmed, after a
 * pause, and only when they differ from the URL's. Comparing with the URL
 * (not the last search sent) keeps a search typed again after "clear" or
 * "back" from being swallowed, and lets the box be filled from the URL
 * without sending it back.
 */
export function searchChanges(typed: Observable<string>, current: () => string): Observable<string | null> {
  return typed.pipe(
    map((value) => value.trim()),
    debounceTime(SEARCH_DEBOUNCE_MS),
    filter((value) => value !== current().trim()),
    map((value) => value || null),
  );
}
