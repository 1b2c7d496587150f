import { HttpStatus } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { badRequest, ProblemException } from '../common/http/problem';

/**
 * The `Idempotency-Key` rules of POST /api/orders: what a key may be, how a
 * body is compared, and the answers for a key in flight or reused.
 */
const KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;

export function requireKey(key: string | undefined): string {
  if (key === undefined || key === '') {
    throw badRequest('Send an Idempotency-Key header: a unique value per order, reused only to retry it', [
      { field: 'Idempotency-Key', message: 'is required' },
    ]);
  }
  if (!KEY_PATTERN.test(key)) {
    throw badRequest('The Idempotency-Key must be 1–200 visible ASCII characters', [
      { field: 'Idempotency-Key', message: 'must be 1–200 visible ASCII characters' },
    ]);
  }
  return key;
}

/** SHA-256 of the body with its keys sorted, so the same order sent twice hashes the same. */
export function hashRequest(body: object): string {
  return createHash('sha256').update(canonicalJson(body)).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([name, item]) => `${JSON.stringify(name)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function inFlight(): ProblemException {
  return new ProblemException(
    HttpStatus.CONFLICT,
    'An order with this Idempotency-Key is being placed right now; retry in a moment to get its result',
    undefined,
    { 'Retry-After': '1' },
  );
}

export function keyReused(): ProblemException {
  return new ProblemException(
    HttpStatus.UNPROCESSABLE_ENTITY,
    'This Idempotency-Key was already used for a different order; use a new key for a new order',
    [{ field: 'Idempotency-Key', message: 'was used with a different request body' }],
  );
}

/** Two requests with one key can only both reach the insert if the claim was lost; the key's primary key stops the second. */
export function keyRace(error: unknown): never {
  const driverError = (error as { driverError?: { code?: string; constraint?: string } }).driverError;
  if (driverError?.code === '23505' && driverError.constraint === 'PK_392b1af86f210d98d3f0c764728') {
    throw inFlight();
  }
  throw error;
}

/** Two accepts of one quote that both got past its row lock meet at orders_quote_idx: the second is refused. */
export function quoteRace(error: unknown): never {
  const driverError = (error as { driverError?: { code?: string; constraint?: string } }).driverError;
  if (driverError?.code === '23505' && driverError.constraint === 'orders_quote_idx') {
    throw new ProblemException(HttpStatus.CONFLICT, 'This quote has already been accepted');
  }
  throw error;
}

/**
 * Channel orders with one external reference wait for one another (see
 * OrderPlacementService.placeForChannel); should two still meet at the
 * unique index, the second is told to retry, and will find the first.
 */
export function externalRefRace(error: unknown): never {
  const driverError = (error as { driverError?: { code?: string; constraint?: string } }).driverError;
  if (driverError?.code === '23505' && driverError.constraint === 'orders_external_ref_idx') {
    throw new ProblemException(
      HttpStatus.CONFLICT,
      'An order with this external reference is being placed right now; retry in a moment to get it',
      undefined,
      { 'Retry-After': '1' },
    );
  }
  throw error;
}
