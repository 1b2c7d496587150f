import type { LineResolution, ReferencedProduct } from '@tradecounter/domain';
import { badRequest } from './problem';

/**
 * The resolved lines, or the one 400 every route answers for bad lines: the
 * same title, and each bad line as a field error (`lines[1].sku`).
 */
export function refuseBadLines<P extends ReferencedProduct>(
  resolution: LineResolution<P>,
): LineResolution<P>['lines'] {
  if (resolution.problems.length > 0) {
    throw badRequest('Some lines cannot be accepted', resolution.problems);
  }
  return resolution.lines;
}
