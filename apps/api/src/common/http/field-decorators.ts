import { applyDecorators, Type } from '@nestjs/common';
import { PartialType } from '@nestjs/swagger';
import { Type as TransformTo } from 'class-transformer';
import { IsArray, IsDefined, IsObject, ValidateIf, ValidateNested } from 'class-validator';

/**
 * The only ways a DTO marks a field optional or nested. class-validator's own
 * `@IsOptional()` lets `null` through to services that test `!== undefined`,
 * and `@ValidateNested()` alone accepts an array where an object belongs; an
 * ESLint rule keeps both out of the DTOs.
 */

/** May be left out; an explicit `null` is refused ("must not be null"). */
export function OptionalField(): PropertyDecorator {
  return applyDecorators(
    ValidateIf((_object: object, value: unknown) => value !== undefined),
    IsDefined({ message: '$property must not be null' }),
  );
}

/** May be left out, or `null` to clear a nullable field; the service writes null through. */
export function NullableField(): PropertyDecorator {
  return ValidateIf((_object: object, value: unknown) => value !== undefined && value !== null);
}

/** A nested object of the given DTO: arrays, strings and numbers are refused, not walked. */
export function NestedObject(type: () => new () => object): PropertyDecorator {
  return applyDecorators(
    IsObject({ message: '$property must be an object' }),
    ValidateNested(),
    TransformTo(type),
  );
}

/** An array of objects of the given DTO, each item refused unless it is an object. */
export function NestedArray(type: () => new () => object): PropertyDecorator {
  return applyDecorators(
    IsArray({ message: '$property must be an array' }),
    IsObject({ each: true, message: 'each item of $property must be an object' }),
    ValidateNested({ each: true }),
    TransformTo(type),
  );
}

/**
 * Every field of `dto` optional, as for a PATCH: Nest's plain `PartialType`
 * marks them `@IsOptional()`, which lets `null` through; here `null` is checked
 * by the field's own rules (so refused unless the field is `@NullableField()`).
 */
export function PartialDto<T>(dto: Type<T>): Type<Partial<T>> {
  const partial = PartialType(dto, { skipNullProperties: false });
  // The mapped class does not extend `dto`: its multi-line fields must be named again (a PATCH of a description).
  for (const key of multiLineKeys(dto.prototype as object)) MultiLine()(partial.prototype as object, key);
  return partial;
}

const MULTI_LINE = Symbol('multiLine');
const MULTI_LINE_KEYS = Symbol('multiLineKeys');

function multiLineKeys(prototype: object): string[] {
  return (Reflect.getMetadata(MULTI_LINE_KEYS, prototype) as string[] | undefined) ?? [];
}

/**
 * Free text that may span lines (order notes, reasons, comments): line breaks
 * and tabs allowed. Every other string field is a single line; the validation
 * pipe refuses control characters in it.
 */
export function MultiLine(): PropertyDecorator {
  return (target: object, key: string | symbol) => {
    Reflect.defineMetadata(MULTI_LINE, true, target, key);
    if (typeof key === 'string')
      Reflect.defineMetadata(MULTI_LINE_KEYS, [...multiLineKeys(target), key], target);
  };
}

export function isMultiLine(instance: object, key: string): boolean {
  return Reflect.getMetadata(MULTI_LINE, instance, key) === true;
}
