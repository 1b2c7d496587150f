import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type {
  BacklogReport,
  DeliveryReport,
  DormantAccountsReport,
  PromiseAccuracyReport,
  QuoteConversionReport,
  ReportChannels,
  ReturnRateReport,
  SalesReport,
  SummaryReport,
  SupplierPerformanceReport,
} from '@tradecounter/contracts';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, Roles } from '../auth/decorators';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { DeliveryReportsService } from './delivery-reports.service';
import { QuoteConversionQueryDto } from './dto/quote-conversion-query.dto';
import { ReturnRateQueryDto } from './dto/return-rate-query.dto';
import { SupplierPerformanceQueryDto } from './dto/supplier-performance-query.dto';
import {
  DeliveryQueryDto,
  DormantQueryDto,
  ReportFilterDto,
  ReportQueryDto,
  SalesQueryDto,
} from './dto/report-query.dto';
import {
  backlogCsv,
  deliveryCsv,
  dormantAccountsCsv,
  promiseAccuracyCsv,
  quoteConversionCsv,
  returnRateCsv,
  salesCsv,
  summaryCsv,
  supplierPerformanceCsv,
} from './report-csv';
import { QuoteConversionService } from './quote-conversion.service';
import { ReportsService } from './reports.service';
import { ReturnRateService } from './return-rate.service';
import { SupplierPerformanceService } from './supplier-performance.service';
import { ApiResult } from '../openapi/api-result';

/** Customers read their own account's reports; staff who look after accounts read theirs or all. */
const REPORT_READERS = ['buyer', 'approver', 'account_manager', 'manager', 'admin'] as const;
const STAFF_READERS = ['account_manager', 'manager', 'admin'] as const;
/** Supplier figures: the people who buy and receive, and their managers. */
const PURCHASING_READERS = ['manager', 'admin', 'warehouse'] as const;

/** JSON, or with ?format=csv the same numbers as a CSV download named after the report and period. */
function answer<T>(
  response: Response,
  query: { format?: 'json' | 'csv' },
  name: string,
  report: T,
  csv: (report: T) => string,
): T | string {
  if (query.format !== 'csv') return report;
  response.setHeader('Content-Type', 'text/csv; charset=utf-8');
  response.setHeader('Content-Disposition', `attachment; filename="${name}.csv"`);
  return csv(report);
}

@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports')
export class ReportsController {
  private readonly currency: string;

  constructor(
    private readonly reports: ReportsService,
    private readonly delivery: DeliveryReportsService,
    private readonly quotes: QuoteConversionService,
    private readonly suppliers: SupplierPerformanceService,
    private readonly returns: ReturnRateService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.currency = config.currency;
  }

  @Get('channels')
  @ApiResult('ReportChannels')
  @Roles(...REPORT_READERS)
  @ApiOperation({
    summary: 'Every channel with orders the caller may read (whatever the period), with its display name',
  })
  channels(@CurrentUser() actor: AuthUser, @Query() query: ReportFilterDto): Promise<ReportChannels> {
    return this.reports.channels(actor, query);
  }

  @Get('sales')
  @ApiResult('SalesReport', { alsoFiles: ['text/csv'] })
  @Roles(...REPORT_READERS)
  @ApiOperation({
    summary:
      'Net sales, orders, units and savings grouped by day, week, month, account, product, category, channel or account manager',
  })
  async sales(
    @CurrentUser() actor: AuthUser,
    @Query() query: SalesQueryDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SalesReport | string> {
    const report = await this.reports.salesReport(actor, query);
    return answer(response, query, `sales-by-${query.groupBy}-${report.from}-to-${report.to}`, report, (r) =>
      salesCsv(r, this.currency),
    );
  }

  @Get('summary')
  @ApiResult('SummaryReport', { alsoFiles: ['text/csv'] })
  @Roles(...REPORT_READERS)
  @ApiOperation({ summary: 'Headline figures of a period and of the period of the same length before it' })
  async summary(
    @CurrentUser() actor: AuthUser,
    @Query() query: ReportQueryDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SummaryReport | string> {
    const report = await this.delivery.summary(actor, query);
    return answer(response, query, `summary-${report.from}-to-${report.to}`, report, (r) =>
      summaryCsv(r, this.currency),
    );
  }

  @Get('delivery')
  @ApiResult('DeliveryReport', { alsoFiles: ['text/csv'] })
  @Roles(...REPORT_READERS)
  @ApiOperation({
    summary: 'On-time delivery, OTIF and in full by day, week, month, account, channel or account manager',
  })
  async deliveryReport(
    @CurrentUser() actor: AuthUser,
    @Query() query: DeliveryQueryDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<DeliveryReport | string> {
    const report = await this.delivery.deliveryReport(actor, query, query.groupBy);
    return answer(
      response,
      query,
      `delivery-by-${query.groupBy}-${report.from}-to-${report.to}`,
      report,
      deliveryCsv,
    );
  }

  @Get('backlog')
  @ApiResult('BacklogReport', { alsoFiles: ['text/csv'] })
  @Roles(...STAFF_READERS)
  @ApiOperation({ summary: "Today's backlog (ordered, not yet shipped) by the age of its orders" })
  async backlog(
    @CurrentUser() actor: AuthUser,
    @Query() query: ReportQueryDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<BacklogReport | string> {
    const report = await this.delivery.backlog(actor, query);
    return answer(response, query, `backlog-${report.today}`, report, (r) => backlogCsv(r, this.currency));
  }

  @Get('promise-accuracy')
  @ApiResult('PromiseAccuracyReport', { alsoFiles: ['text/csv'] })
  @Roles(...STAFF_READERS)
  @ApiOperation({ summary: 'Shipped lines by business days between the promised and the actual ship date' })
  async promiseAccuracy(
    @CurrentUser() actor: AuthUser,
    @Query() query: ReportQueryDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<PromiseAccuracyReport | string> {
    const report = await this.delivery.promiseAccuracy(actor, query);
    return answer(
      response,
      query,
      `promise-accuracy-${report.from}-to-${report.to}`,
      report,
      promiseAccuracyCsv,
    );
  }

  @Get('dormant-accounts')
  @ApiResult('DormantAccountsReport', { alsoFiles: ['text/csv'] })
  @Roles(...STAFF_READERS)
  @ApiOperation({
    summary: 'Accounts with no order in the last N days, their last order and trailing 12-month sales',
  })
  async dormantAccounts(
    @CurrentUser() actor: AuthUser,
    @Query() query: DormantQueryDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<DormantAccountsReport | string> {
    const report = await this.delivery.dormantAccounts(actor, query, query.days);
    return answer(response, query, `dormant-accounts-${query.days}-days-${report.today}`, report, (r) =>
      dormantAccountsCsv(r, this.currency),
    );
  }

  @Get('quote-conversion')
  @ApiResult('QuoteConversionReport', { alsoFiles: ['text/csv'] })
  @Roles(...STAFF_READERS)
  @ApiOperation({
    summary:
      'Quotes first quoted in the period, per account manager or account: quoted, accepted, declined, expired, ' +
      'withdrawn, open, conversion (accepted ÷ quoted), quoted and accepted value',
  })
  async quoteConversion(
    @CurrentUser() actor: AuthUser,
    @Query() query: QuoteConversionQueryDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<QuoteConversionReport | string> {
    const report = await this.quotes.report(actor, query, query.groupBy);
    return answer(
      response,
      query,
      `quote-conversion-by-${query.groupBy}-${report.from}-to-${report.to}`,
      report,
      (r) => quoteConversionCsv(r, this.currency),
    );
  }

  @Get('supplier-performance')
  @ApiResult('SupplierPerformanceReport', { alsoFiles: ['text/csv'] })
  @Roles(...PURCHASING_READERS)
  @ApiOperation({
    summary:
      'Per supplier: purchase lines due (expected date) in the period, received in full by their expected date ' +
      '(count and share), average business days late of the completing receipts, lines overdue',
  })
  async supplierPerformance(
    @Query() query: SupplierPerformanceQueryDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SupplierPerformanceReport | string> {
    const report = await this.suppliers.report(query);
    return answer(
      response,
      query,
      `supplier-performance-${report.from}-to-${report.to}`,
      report,
      supplierPerformanceCsv,
    );
  }

  @Get('returns')
  @ApiResult('ReturnRateReport', { alsoFiles: ['text/csv'] })
  @Roles(...REPORT_READERS)
  @ApiOperation({
    summary:
      'Return rate (returned units ÷ delivered units) by product, reason or account: units on shipments ' +
      'delivered in the period, units on returns asked in the period and not rejected; by reason, each ' +
      'against all units delivered. Products in the top decile by rate with at least 5 returned units are flagged',
  })
  async returnRate(
    @CurrentUser() actor: AuthUser,
    @Query() query: ReturnRateQueryDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ReturnRateReport | string> {
    const report = await this.returns.report(actor, query, query.groupBy);
    return answer(
      response,
      query,
      `return-rate-by-${query.groupBy}-${report.from}-to-${report.to}`,
      report,
      returnRateCsv,
    );
  }
}
