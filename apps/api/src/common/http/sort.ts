import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { SORT_DIRECTIONS, type SortDirection } from '@tradecounter/contracts';
import { OptionalField } from './field-decorators';

/**
 * `?sort=` of a list route: one of the fields the route whitelists (anything
 * else is a 400 naming them). Pair with `@SortDirectionField()` on `dir`.
 */
export function SortField(fields: readonly string[], defaultField: string): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ enum: fields, default: defaultField, description: 'Field to sort by' }),
    OptionalField(),
    IsIn(fields, { message: `sort must be one of: ${fields.join(', ')}` }),
  );
}

/** `?dir=asc|desc`; without it, the route's default for the field. */
export function SortDirectionField(): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ enum: SORT_DIRECTIONS, description: 'Sort direction' }),
    OptionalField(),
    IsIn(SORT_DIRECTIONS, { message: 'dir must be asc or desc' }),
  );
}

/** A route's sortable fields: each one's SQL expression, and the default sort. */
export interface SortSpec<F extends string> {
  columns: Record<F, string>;
  /** The columns breaking ties (same direction), ending with the id, so pages never overlap. */
  tieBreaker: string | readonly string[];
  defaultField: F;
  defaultDirection: SortDirection;
}

export interface SortOrder {
  sql: string;
  direction: 'ASC' | 'DESC';
  tieBreakers: readonly string[];
}

/** The ORDER BY of a request, from whitelisted SQL only (the DTO has already refused other fields). */
export function sortOrder<F extends string>(
  spec: SortSpec<F>,
  query: { sort?: F; dir?: SortDirection },
): SortOrder {
  const field = query.sort ?? spec.defaultField;
  const dir = query.dir ?? (query.sort ? 'asc' : spec.defaultDirection);
  return {
    sql: spec.columns[field],
    direction: dir === 'desc' ? 'DESC' : 'ASC',
    tieBreakers: typeof spec.tieBreaker === 'string' ? [spec.tieBreaker] : spec.tieBreaker,
  };
}

/** The same order on a TypeORM query builder (columns as `alias.property`). */
export function applySortOrder<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  order: SortOrder,
): void {
  query.orderBy(order.sql, order.direction, 'NULLS LAST');
  for (const column of order.tieBreakers) query.addOrderBy(column, order.direction);
}

/** `ORDER BY expr DIR NULLS LAST, ties DIR…` for raw SQL. */
export function orderByClause(order: SortOrder): string {
  const ties = order.tieBreakers.map((column) => `${column} ${order.direction}`);
  return `ORDER BY ${[`${order.sql} ${order.direction} NULLS LAST`, ...ties].join(', ')}`;
}
