import type { Type } from '@nestjs/common';
import type { FieldError } from '@tradecounter/contracts';
import { ProblemException } from './problem';
import { createValidationPipe } from './validation';

const pipe = createValidationPipe();

/**
 * Checks a plain object exactly as the API checks a request body of `dto`
 * (the same pipe: unknown fields refused, no implicit conversion, single-line
 * text), for callers that receive bodies another way (an import row, a sync
 * row). Returns the DTO instance, or the field errors the API would answer.
 */
export async function validateAs<T extends object>(
  dto: Type<T>,
  value: Record<string, unknown>,
): Promise<{ value: T; errors: [] } | { value: null; errors: FieldError[] }> {
  try {
    const result = (await pipe.transform(value, { type: 'body', metatype: dto })) as T;
    return { value: result, errors: [] };
  } catch (error) {
    if (error instanceof ProblemException) {
      const body = error.getResponse() as { errors?: FieldError[]; detail?: string; title?: string };
      return {
        value: null,
        errors: body.errors?.length
          ? body.errors
          : [{ field: '', message: body.detail ?? String(body.title) }],
      };
    }
    throw error;
  }
}
