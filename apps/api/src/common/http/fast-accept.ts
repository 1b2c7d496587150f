import { isUUID } from 'class-validator';

/**
 * A hot route's well-formed body (or query), accepted without class-validator's walk
 * over every nested object (a third of a 100-line quote's CPU): the DTO
 * instance class-transformer would have made, or undefined whenever the body
 * is anything but plainly valid, so the full validation decides it and words
 * its errors. An acceptor may refuse more than the DTO does, never less;
 * fast-accept.spec.ts holds every acceptor to that against the real pipe.
 */
export type FastAccept<T> = (body: unknown) => T | undefined;

const acceptors = new Map<abstract new () => unknown, FastAccept<unknown>>();

/** Registers `accept` for bodies of `dto`. */
export function fastAccept<T>(dto: new () => T, accept: FastAccept<T>): void {
  acceptors.set(dto, accept);
}

/** The acceptor registered for `dto`, if any. */
export function fastAcceptorOf(dto: unknown): FastAccept<unknown> | undefined {
  return typeof dto === 'function' ? acceptors.get(dto as abstract new () => unknown) : undefined;
}

/** A plain JSON object whose keys are all in `allowed` (so nothing the whitelist would refuse). */
export function plainObjectWithin(
  value: unknown,
  allowed: ReadonlySet<string>,
): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  if (Object.getPrototypeOf(value) !== Object.prototype) return false;
  return keysWithin(value, allowed);
}

/** A query string as the simple parser makes it (an object without a prototype), keys all in `allowed`. */
export function queryWithin(value: unknown, allowed: ReadonlySet<string>): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== null && prototype !== Object.prototype) return false;
  return keysWithin(value, allowed);
}

function keysWithin(value: object, allowed: ReadonlySet<string>): boolean {
  for (const key of Object.keys(value)) if (!allowed.has(key)) return false;
  return true;
}

const WHOLE_NUMBER = /^[1-9][0-9]{0,6}$/;

/**
 * Absent, or the plain decimal writing of a whole number from 1 to `max`
 * (`@Type(() => Number) @IsInt() @Min(1) @Max(max)`), as that number: null
 * for anything else, including what Number() would also read ("1e1", " 2").
 */
export function optionalWholeNumber(value: unknown, max: number): number | undefined | null {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !WHOLE_NUMBER.test(value)) return null;
  const number = Number(value);
  return number <= max ? number : null;
}

/** Absent, or "true" or "false" as the boolean (the query flags' `@Transform` and `@IsBoolean()`): null for anything else. */
export function optionalFlag(value: unknown): boolean | undefined | null {
  if (value === undefined) return undefined;
  return value === 'true' ? true : value === 'false' ? false : null;
}

/** Absent, or a UUID (`@OptionalField() @IsUUID()`). */
export function optionalUuid(value: unknown): boolean {
  return value === undefined || isUUID(value);
}

/** `instance` of `dto` with the body's own fields copied, as class-transformer makes it. */
export function instanceOf<T extends object>(dto: new () => T, fields: Record<string, unknown>): T {
  return Object.assign(new dto(), fields);
}
