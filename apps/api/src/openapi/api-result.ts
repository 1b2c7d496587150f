import { SetMetadata } from '@nestjs/common';

export const API_RESULT_KEY = 'tc:api-result';

/**
 * What a route answers on success. The status is not given here: the document reads the one Nest sends
 * (@HttpCode, else 201 for POST and 200 otherwise), so the two cannot disagree.
 */
export type ApiResultMetadata =
  | ({ kind: 'json'; type: string } & ApiResultOptions)
  | { kind: 'file'; mediaTypes: string[]; description?: string }
  | { kind: 'empty'; description?: string };

export interface ApiResultOptions {
  description?: string;
  /** Other media types it can answer (a report's `text/csv` with ?format=csv). */
  alsoFiles?: string[];
  /** The status, for a handler that sets its own (`response.status(…)`) instead of Nest's. */
  status?: number;
  /**
   * Other successes it answers and their contracts: `{ 202: 'ImportJob' }` for a job still running,
   * `{ 200: 'Order | OrderPreview' }` for an order seen before (Idempotency-Key) or a dry run.
   */
  otherStatuses?: Record<number, string>;
}

/**
 * The route answers JSON shaped as a contract of libs/contracts, named as in TypeScript:
 * `@ApiResult('Order')`, `@ApiResult('Page<OrderSummary>')`, `@ApiResult('Category[]')`,
 * `@ApiResult('Order | OrderPreview')`. The schema comes from contract-schemas.generated.ts; an unknown
 * name fails the document.
 */
export const ApiResult = (type: string, options: ApiResultOptions = {}) =>
  SetMetadata<string, ApiResultMetadata>(API_RESULT_KEY, { kind: 'json', type, ...options });

/** The route answers a file download (`application/pdf`, `text/csv`, …) rather than JSON. */
export const ApiFileResult = (mediaTypes: string | string[], description?: string) =>
  SetMetadata<string, ApiResultMetadata>(API_RESULT_KEY, {
    kind: 'file',
    mediaTypes: typeof mediaTypes === 'string' ? [mediaTypes] : mediaTypes,
    description,
  });

/** The route answers no body (204, or a bare 200/201 it has always sent). */
export const ApiEmptyResult = (description?: string) =>
  SetMetadata<string, ApiResultMetadata>(API_RESULT_KEY, { kind: 'empty', description });
