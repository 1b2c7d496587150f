import type { FieldError } from '@tradecounter/contracts';
import { hasLineControlCharacter, LINE_BREAK_MESSAGE } from './control-characters';
import { isMultiLine } from './field-decorators';

/**
 * Finds the first string in a validated DTO (nested DTOs and arrays of them or
 * of strings included) that holds a line break, tab or other control character
 * while its field is not marked `@MultiLine()`. Fields are named as validation
 * errors name them ("lines[2].sku").
 */
export function findLineBreakFault(dto: object, prefix = ''): FieldError | undefined {
  const pending: { owner: object; path: string }[] = [{ owner: dto, path: prefix }];
  while (pending.length > 0) {
    const { owner, path } = pending.shift() as (typeof pending)[number];
    for (const [key, value] of Object.entries(owner)) {
      const field = path ? `${path}.${key}` : key;
      const multiLine = isMultiLine(owner, key);
      const items: unknown[] = Array.isArray(value) ? value : [value];
      for (const [index, item] of items.entries()) {
        const itemField = Array.isArray(value) ? `${field}[${index}]` : field;
        if (typeof item === 'string' && !multiLine && hasLineControlCharacter(item)) {
          return { field: itemField, message: LINE_BREAK_MESSAGE };
        }
        if (typeof item === 'object' && item !== null && !Array.isArray(item)) {
          pending.push({ owner: item, path: itemField });
        }
      }
    }
  }
  return undefined;
}
