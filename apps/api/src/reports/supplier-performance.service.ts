import { Injectable } from '@nestjs/common';
import type { SupplierPerformanceReport, SupplierPerformanceRow } from '@tradecounter/contracts';
import { supplierPerformance } from '@tradecounter/domain';
import { reportPeriod } from './report-period';
import { ReportAsOf } from './report-as-of';
import { ReportScope } from './report-scope';
import { SupplierPerformanceRepository } from './supplier-performance.repository';

/**
 * Supplier performance (docs/replenishment.md): per supplier, the purchase
 * lines due in the period, the share received in full by their expected
 * date, the average business days late and the lines overdue. SQL reads
 * the lines and receipts; libs/domain decides what counts.
 */
@Injectable()
export class SupplierPerformanceService {
  constructor(
    private readonly repository: SupplierPerformanceRepository,
    private readonly scope: ReportScope,
    private readonly asOf: ReportAsOf,
  ) {}

  async report(query: { from?: string; to?: string }): Promise<SupplierPerformanceReport> {
    const today = this.scope.today();
    const period = reportPeriod(query.from, query.to, today);
    const asOf = await this.asOf.read();
    const [suppliers, lines, holidays] = await Promise.all([
      this.repository.suppliers(),
      this.repository.lines(period.from, period.to),
      this.repository.holidays(),
    ]);
    const figures = new Map(
      supplierPerformance(lines, period, today, holidays).map((row) => [row.supplierCode, row]),
    );
    const rows: SupplierPerformanceRow[] = suppliers.map((supplier) => {
      const row = figures.get(supplier.code);
      return {
        supplierCode: supplier.code,
        supplierName: supplier.name,
        lines: row?.lines ?? 0,
        inFullOnTime: row?.inFullOnTime ?? 0,
        inFullOnTimeShare: row?.inFullOnTimeShare ?? null,
        averageDaysLate: row?.averageDaysLate ?? null,
        overdueLines: row?.overdueLines ?? 0,
      };
    });
    return { asOf, from: period.from, to: period.to, rows };
  }
}
