import { Inject, Injectable } from '@nestjs/common';
import type { SalesReport } from '@tradecounter/contracts';
import { accountScope, formatMoney, parseMoney, sumMoney } from '@tradecounter/domain';
import type { AuthUser } from '../auth/auth-user';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { toCsv } from './csv';
import type { SalesQueryDto } from './dto/report-query.dto';
import { reportPeriod } from './report-period';
import { SalesRepository } from './sales.repository';

/**
 * Reports, scoped by role (managers and admins everything, account managers
 * their accounts, customer users their own account whatever they pass),
 * read from rollups kept by the database as orders change.
 */
@Injectable()
export class ReportsService {
  private readonly dateFormat: Intl.DateTimeFormat;

  constructor(
    private readonly sales: SalesRepository,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.dateFormat = new Intl.DateTimeFormat('en-CA', { timeZone: config.timeZone });
  }

  async salesReport(actor: AuthUser, query: SalesQueryDto): Promise<SalesReport> {
    const period = reportPeriod(query.from, query.to, this.dateFormat.format(new Date()));
    const scope = accountScope(actor);
    const rows = await this.sales.sales(
      {
        ...period,
        scope,
        // A customer's own account is the scope already; what they pass is ignored.
        accountId: scope.kind === 'account' ? undefined : query.accountId,
        accountManagerId: query.accountManagerId,
        channel: query.channel,
        category: query.category,
      },
      query.groupBy,
    );
    const exactOrders = rows.every((row) => row.orders !== null);
    return {
      ...period,
      groupBy: query.groupBy,
      rows,
      total: {
        netSales: formatMoney(sumMoney(rows.map((row) => parseMoney(row.netSales)))),
        // Orders per product add up to more than the orders (an order holds several products).
        orders:
          exactOrders && query.groupBy !== 'product'
            ? rows.reduce((sum, row) => sum + (row.orders ?? 0), 0)
            : null,
        units: rows.reduce((sum, row) => sum + row.units, 0),
        savings: formatMoney(sumMoney(rows.map((row) => parseMoney(row.savings)))),
      },
    };
  }

  salesCsv(report: SalesReport): string {
    return toCsv(
      ['key', 'label', 'netSales', 'orders', 'units', 'savings'],
      report.rows.map((row) => [row.key, row.label, row.netSales, row.orders, row.units, row.savings]),
    );
  }
}
