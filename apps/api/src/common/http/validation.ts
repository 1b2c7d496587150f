import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import type { FieldError } from '@tradecounter/contracts';
import { fastAcceptorOf } from './fast-accept';
import { badRequest } from './problem';
import { findLineBreakFault } from './single-line';

/**
 * Unknown fields are errors, values are converted only where a DTO says so,
 * and text is a single line unless its field is marked `@MultiLine()`.
 */
class EdgeValidationPipe extends ValidationPipe {
  constructor(
    options: ConstructorParameters<typeof ValidationPipe>[0],
    private readonly fast: boolean,
  ) {
    super(options);
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const accepted =
      this.fast && (metadata.type === 'body' || metadata.type === 'query')
        ? fastAcceptorOf(metadata.metatype)?.(value)
        : undefined;
    const result: unknown = accepted ?? (await super.transform(value, metadata));
    if (typeof result !== 'object' || result === null || Array.isArray(result)) return result;
    const fault = findLineBreakFault(result);
    if (fault) throw badRequest('The request has invalid fields', [fault]);
    return result;
  }
}

/** `fast`: hot bodies that are plainly valid skip class-validator (fast-accept.ts); off only to compare with it. */
export function createValidationPipe({ fast = true }: { fast?: boolean } = {}): ValidationPipe {
  return new EdgeValidationPipe(
    {
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      transformOptions: { enableImplicitConversion: false },
      validationError: { target: false, value: false },
      exceptionFactory: (errors) =>
        badRequest('The request has invalid fields', flattenValidationErrors(errors)),
    },
    fast,
  );
}

export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = fieldPath(parent, error.property);
    const own = Object.values(error.constraints ?? {}).map((message) => ({
      field,
      message: message.replace(/^property (\S+) should not exist$/, 'is not a known field'),
    }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

function fieldPath(parent: string, property: string): string {
  if (!parent) return property;
  if (parent.endsWith(']') && parent.startsWith('[') && !parent.includes('.')) return `${parent}.${property}`;
  return /^\d+$/.test(property) ? `${parent}[${property}]` : `${parent}.${property}`;
}
