import type { FieldError } from '@tradecounter/contracts';
import { textFault } from './control-characters';

/** JSON nesting allowed in a request body; our deepest DTO needs 3, so 32 is plenty. */
export const MAX_JSON_DEPTH = 32;

/**
 * Keys that would reach an object's prototype machinery through class-transformer
 * instead of showing up as unknown fields; refused like any unknown field.
 */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Checks a parsed JSON body before anything else reads it: nesting deeper than
 * `maxDepth`, prototype keys, and text no field may hold (control characters,
 * lone surrogates) in values or keys. Walks iteratively, so a hostile depth
 * cannot exhaust the stack here. Returns the first fault found, naming the
 * field as the validation errors do.
 */
export function inspectJson(value: unknown, maxDepth = MAX_JSON_DEPTH): FieldError | undefined {
  const pending: { value: unknown; path: string; depth: number }[] = [{ value, path: '', depth: 0 }];
  while (pending.length > 0) {
    const { value: current, path, depth } = pending.pop() as (typeof pending)[number];
    if (typeof current === 'string') {
      const fault = textFault(current);
      if (fault) return { field: path || '(body)', message: fault };
      continue;
    }
    if (typeof current !== 'object' || current === null) continue;
    if (depth >= maxDepth) {
      return { field: path || '(body)', message: `nests deeper than the ${maxDepth} levels allowed` };
    }
    if (Array.isArray(current)) {
      // Pushed last-first so that faults are found in document order.
      for (let index = current.length - 1; index >= 0; index -= 1) {
        pending.push({ value: current[index], path: `${path}[${index}]`, depth: depth + 1 });
      }
      continue;
    }
    for (const key of Object.keys(current).reverse()) {
      const field = path ? `${path}.${key}` : key;
      if (PROTOTYPE_KEYS.has(key)) return { field, message: 'is not a known field' };
      if (textFault(key)) return { field: JSON.stringify(field), message: 'is not a known field' };
      pending.push({ value: (current as Record<string, unknown>)[key], path: field, depth: depth + 1 });
    }
  }
  return undefined;
}
