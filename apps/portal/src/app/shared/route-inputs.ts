import { numberAttribute } from '@angular/core';

/*
 * Transforms for inputs bound from query parameters: the router sets an input
 * to undefined when its parameter is absent, whatever the default.
 */
export function textParam(value: string | null | undefined): string {
  return value ?? '';
}

export function pageParam(value: unknown): number {
  return Math.max(1, Math.trunc(numberAttribute(value, 1)));
}

export function pageSizeParam(value: unknown): number {
  const size = Math.trunc(numberAttribute(value, 25));
  return Math.min(100, Math.max(1, size));
}

export function flagParam(value: unknown): boolean {
  return value === true || value === '1' || value === 'true';
}
