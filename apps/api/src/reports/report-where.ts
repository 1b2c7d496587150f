import type { AccountScope } from '@tradecounter/domain';

/** A report's filter once the caller's scope and the period are settled. */
export interface ScopedFilter {
  from: string;
  to: string;
  scope: AccountScope;
  accountId?: string;
  accountManagerId?: string;
  channel?: string;
  category?: string;
}

/**
 * The WHERE clause of a rollup read: `s` is the rollup (day, account_id,
 * channel), `a` its account. Period, role scope and filters, as
 * parameters ($1, $2 the period). Category needs a product rollup joined
 * as `p`; pass `withCategory` only then.
 */
export function rollupWhere(
  filter: Omit<ScopedFilter, 'from' | 'to'> & { from?: string; to?: string },
  options: { withCategory?: boolean; period?: boolean } = {},
): { where: string; params: unknown[] } {
  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const where: string[] = [];
  if (options.period !== false)
    where.push(`s.day BETWEEN ${param(filter.from)}::date AND ${param(filter.to)}::date`);
  switch (filter.scope.kind) {
    case 'account':
      where.push(`s.account_id = ${param(filter.scope.accountId)}::uuid`);
      break;
    case 'managedBy':
      where.push(`a.account_manager_id = ${param(filter.scope.accountManagerId)}::uuid`);
      break;
    case 'all':
      break;
  }
  if (filter.accountId) where.push(`s.account_id = ${param(filter.accountId)}::uuid`);
  if (filter.accountManagerId) where.push(`a.account_manager_id = ${param(filter.accountManagerId)}::uuid`);
  if (filter.channel) where.push(`s.channel = ${param(filter.channel)}`);
  if (filter.category && options.withCategory) where.push(`p.category = ${param(filter.category)}`);
  return { where: where.length > 0 ? where.join(' AND ') : 'true', params };
}
