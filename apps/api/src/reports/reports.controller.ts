import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { SalesReport } from '@tradecounter/contracts';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, Roles } from '../auth/decorators';
import { SalesQueryDto } from './dto/report-query.dto';
import { ReportsService } from './reports.service';

const REPORT_READERS = ['buyer', 'approver', 'account_manager', 'manager', 'admin'] as const;

@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get('sales')
  @Roles(...REPORT_READERS)
  @ApiOperation({
    summary:
      'Net sales, orders and units grouped by day, week, month, account, product, category, channel or account manager',
  })
  async sales(
    @CurrentUser() actor: AuthUser,
    @Query() query: SalesQueryDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SalesReport | string> {
    const report = await this.reports.salesReport(actor, query);
    if (query.format !== 'csv') return report;
    response.setHeader('Content-Type', 'text/csv; charset=utf-8');
    response.setHeader(
      'Content-Disposition',
      `attachment; filename="sales-by-${query.groupBy}-${report.from}-to-${report.to}.csv"`,
    );
    return this.reports.salesCsv(report);
  }
}
