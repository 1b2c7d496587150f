import { Inject, Injectable } from '@nestjs/common';
import type {
  QuoteConversionFigures,
  QuoteConversionGroupBy,
  QuoteConversionReport,
  ReportFilter,
} from '@tradecounter/contracts';
import {
  formatMoney,
  parseMoney,
  quoteConversion,
  type QuoteConversionCount,
  type QuoteConversionFigures as Figures,
} from '@tradecounter/domain';
import type { AuthUser } from '../auth/auth-user';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { QuoteConversionRepository, type QuoteConversionSqlRow } from './quote-conversion.repository';
import { ReportAsOf } from './report-as-of';
import { ReportScope } from './report-scope';

/**
 * Quote conversion (docs/reports.md): the quotes first quoted in the period,
 * per account manager or account, by outcome, with the conversion shares.
 * SQL counts; libs/domain decides what counts and computes the figures.
 */
@Injectable()
export class QuoteConversionService {
  constructor(
    private readonly repository: QuoteConversionRepository,
    private readonly scope: ReportScope,
    private readonly asOf: ReportAsOf,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async report(
    actor: AuthUser,
    query: Pick<ReportFilter, 'from' | 'to' | 'accountId' | 'accountManagerId'>,
    groupBy: QuoteConversionGroupBy,
  ): Promise<QuoteConversionReport> {
    const filter = this.scope.of(actor, {
      from: query.from,
      to: query.to,
      accountId: query.accountId,
      accountManagerId: query.accountManagerId,
    });
    const today = this.scope.today();
    const asOf = await this.asOf.read();
    const rows = await this.repository.counts(filter, groupBy, this.config.timeZone);
    const groups = new Map<string, { label: string; counts: QuoteConversionCount[] }>();
    for (const row of rows) {
      const group = groups.get(row.key) ?? { label: row.label, counts: [] };
      group.counts.push(toCount(row));
      groups.set(row.key, group);
    }
    return {
      asOf,
      from: filter.from,
      to: filter.to,
      groupBy,
      rows: [...groups.entries()]
        .map(([key, group]) => ({
          key,
          label: group.label,
          ...toFigures(quoteConversion(group.counts, filter, today)),
        }))
        .sort((a, b) => b.quoted - a.quoted || a.label.localeCompare(b.label)),
      total: toFigures(quoteConversion(rows.map(toCount), filter, today)),
    };
  }
}

function toCount(row: QuoteConversionSqlRow): QuoteConversionCount {
  return {
    firstQuotedOn: row.firstQuotedOn,
    status: row.status,
    validUntil: row.validUntil,
    quotes: row.quotes,
    quotedValue: parseMoney(row.quotedValue),
    acceptedValue: parseMoney(row.acceptedValue),
  };
}

function toFigures(figures: Figures): QuoteConversionFigures {
  return {
    ...figures,
    quotedValue: formatMoney(figures.quotedValue),
    acceptedValue: formatMoney(figures.acceptedValue),
  };
}
