import { Injectable } from '@nestjs/common';
import type { ReportChannels, ReportFilter, SalesReport } from '@tradecounter/contracts';
import { channelDisplayName, formatMoney, parseMoney, sumMoney } from '@tradecounter/domain';
import type { AuthUser } from '../auth/auth-user';
import type { SalesQueryDto } from './dto/report-query.dto';
import { ReportAsOf } from './report-as-of';
import { displayLabel } from './report-labels';
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
    private readonly asOf: ReportAsOf,
  ) {}

  async salesReport(actor: AuthUser, query: SalesQueryDto): Promise<SalesReport> {
    const filter = this.scope.of(actor, query);
    const asOf = await this.asOf.read();
    const rows = (await this.sales.sales(filter, query.groupBy)).map((row) => ({
      ...row,
      label: displayLabel(query.groupBy, row),
    }));
    const exactOrders = rows.every((row) => row.orders !== null);
    return {
      asOf,
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

  /** The channel filter's choices: every channel the caller's accounts have ordered through, at any time. */
  async channels(actor: AuthUser, query: ReportFilter): Promise<ReportChannels> {
    const filter = this.scope.of(actor, {
      accountId: query.accountId,
      accountManagerId: query.accountManagerId,
    });
    const keys = await this.sales.channels(filter);
    return {
      channels: keys
        .map((key) => ({ key, label: channelDisplayName(key) }))
        .sort((a, b) => a.label.localeCompare(b.label)),
    };
  }
}
