/**
 * Splits a free-text catalog query into lower-case terms for prefix and
 * word matching. Characters with meaning in LIKE patterns are escaped so a
 * user's "50%" searches for "50%" literally.
 */
export function searchTerms(query: string | undefined | null, maxTerms = 6): string[] {
  if (!query) return [];
  return query
    .toLowerCase()
    .split(/\s+/)
    .map((term) => term.trim())
    .filter((term) => term.length > 0)
    .slice(0, maxTerms);
}

export function escapeLikePattern(term: string): string {
  return term.replace(/[\\%_]/g, (char) => `\\${char}`);
}
