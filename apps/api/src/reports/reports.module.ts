import { Module } from '@nestjs/common';
import { DeliveryReportsService } from './delivery-reports.service';
import { DeliveryRepository } from './delivery.repository';
import { ReportAsOf } from './report-as-of';
import { ReportScope } from './report-scope';
import { reportsDataSourceProvider, ReportsDataSourceLifecycle } from './reports-data-source';
import { ReportSettingsSync } from './report-settings.sync';
import { ReportsController } from './reports.controller';
import { QuoteConversionRepository } from './quote-conversion.repository';
import { QuoteConversionService } from './quote-conversion.service';
import { ReportsService } from './reports.service';
import { ReturnRateRepository } from './return-rate.repository';
import { ReturnRateService } from './return-rate.service';
import { SalesRepository } from './sales.repository';
import { SupplierPerformanceRepository } from './supplier-performance.repository';
import { SupplierPerformanceService } from './supplier-performance.service';

/**
 * Dashboards and exports, read from rollups the database keeps as orders
 * change: on a read replica when REPORTS_DATABASE_URL is set (reports-data-source.ts).
 */
@Module({
  controllers: [ReportsController],
  providers: [
    reportsDataSourceProvider,
    ReportsDataSourceLifecycle,
    ReportAsOf,
    ReportsService,
    DeliveryReportsService,
    SalesRepository,
    DeliveryRepository,
    ReportSettingsSync,
    ReportScope,
    QuoteConversionRepository,
    QuoteConversionService,
    SupplierPerformanceRepository,
    SupplierPerformanceService,
    ReturnRateRepository,
    ReturnRateService,
  ],
})
export class ReportsModule {}
