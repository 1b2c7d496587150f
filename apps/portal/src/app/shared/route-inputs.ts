/*
 * Transforms for inputs bound from query parameters: the router sets an input
 * to undefined when its parameter is absent, whatever the default. (Lists
 * read their query parameters through `urlList`.)
 */
export function textParam(value: string | null | undefined): string {
  return value ?? '';
}
