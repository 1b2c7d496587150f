import { Injectable } from '@nestjs/common';
import type { SalesReport } from '@tradecounter/contracts';
import { formatMoney, parseMoney, sumMoney } from '@tradecounter/domain';
import type { AuthUser } from '../auth/auth-user';
import { toCsv } from './csv';
import type { SalesQueryDto } from './dto/report-query.dto';
import { ReportScope } from './report-scope';
import { SalesRepository } from './sales.repository';

/**
 * Reports, scoped by role (managers and admins everything, account managers
 * their accounts, customer users their own account whatever they pass),
 * read from rollups kept by the database as orders change.
 */
@Injectable()
export class ReportsService {
  constructor(
    private readonly sales: SalesRepository,
    private readonly scope: ReportScope,
  ) {}

  async salesReport(actor: AuthUser, query: SalesQueryDto): Promise<SalesReport> {
    const filter = this.scope.of(actor, query);
    const rows = await this.sales.sales(filter, query.groupBy);
    const exactOrders = rows.every((row) => row.orders !== null);
    return {
      from: filter.from,
      to: filter.to,
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
