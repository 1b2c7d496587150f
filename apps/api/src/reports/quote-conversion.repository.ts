import { Inject, Injectable } from '@nestjs/common';
import type { QuoteConversionGroupBy } from '@tradecounter/contracts';
import type { QuoteStatus } from '@tradecounter/domain';
import { DataSource } from 'typeorm';
import type { ScopedFilter } from './report-where';
import { REPORTS_DATA_SOURCE } from './reports-data-source';

/** Per group, first-quoting day, status and validity: how many quotes, offered and ordered for how much. */
export interface QuoteConversionSqlRow {
  key: string;
  label: string;
  firstQuotedOn: string;
  status: QuoteStatus;
  validUntil: string | null;
  quotes: number;
  quotedValue: string;
  acceptedValue: string;
}

const GROUPINGS: Record<QuoteConversionGroupBy, { key: string; label: string }> = {
  account: { key: 'a.id::text', label: `min(a.code || ' — ' || a.name)` },
  accountManager: {
    key: `coalesce(a.account_manager_id::text, '')`,
    label: `coalesce(min(m.name), 'No account manager')`,
  },
};

/**
 * The quote-conversion counts (libs/domain reports/quote-conversion.ts
 * turns them into figures). A quote's first quoting is when its revision 1
 * was priced (a quoting prices revision 1 first, later ones make new
 * revisions); its quoted value is its latest priced revision's subtotal;
 * its accepted value the subtotal of the order it became. Quotes never
 * priced have no first quoting and are not read.
 */
@Injectable()
export class QuoteConversionRepository {
  constructor(@Inject(REPORTS_DATA_SOURCE) private readonly dataSource: DataSource) {}

  async counts(
    filter: ScopedFilter,
    groupBy: QuoteConversionGroupBy,
    timeZone: string,
  ): Promise<QuoteConversionSqlRow[]> {
    const params: unknown[] = [filter.from, filter.to, timeZone];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const where = [`(first.quoted_at AT TIME ZONE $3)::date BETWEEN $1::date AND $2::date`];
    if (filter.scope.kind === 'account') where.push(`q.account_id = ${param(filter.scope.accountId)}::uuid`);
    if (filter.scope.kind === 'managedBy')
      where.push(`a.account_manager_id = ${param(filter.scope.accountManagerId)}::uuid`);
    if (filter.accountId) where.push(`q.account_id = ${param(filter.accountId)}::uuid`);
    if (filter.accountManagerId) where.push(`a.account_manager_id = ${param(filter.accountManagerId)}::uuid`);
    const group = GROUPINGS[groupBy];
    return (await this.dataSource.query(
      `SELECT ${group.key} AS key, ${group.label} AS label,
              to_char((first.quoted_at AT TIME ZONE $3)::date, 'YYYY-MM-DD') AS "firstQuotedOn",
              q.status, to_char(q.valid_until, 'YYYY-MM-DD') AS "validUntil",
              count(*)::int AS quotes,
              coalesce(sum(latest.subtotal), 0)::text AS "quotedValue",
              coalesce(sum(o.subtotal), 0)::text AS "acceptedValue"
         FROM quotes q
         JOIN quote_revisions first ON first.quote_id = q.id AND first.revision = 1 AND first.quoted_at IS NOT NULL
         JOIN LATERAL (
              SELECT r.subtotal FROM quote_revisions r
               WHERE r.quote_id = q.id AND r.quoted_at IS NOT NULL
               ORDER BY r.revision DESC LIMIT 1
         ) latest ON true
         JOIN accounts a ON a.id = q.account_id
         ${groupBy === 'accountManager' ? 'LEFT JOIN users m ON m.id = a.account_manager_id' : ''}
         LEFT JOIN orders o ON o.quote_id = q.id
        WHERE ${where.join(' AND ')}
        GROUP BY ${group.key}, "firstQuotedOn", q.status, q.valid_until`,
      params,
    )) as QuoteConversionSqlRow[];
  }
}
