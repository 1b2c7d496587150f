import { Module } from '@nestjs/common';
import { ReportSettingsSync } from './report-settings.sync';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';
import { SalesRepository } from './sales.repository';

/** Dashboards and exports, read from rollups the database keeps as orders change. */
@Module({
  controllers: [ReportsController],
  providers: [ReportsService, SalesRepository, ReportSettingsSync],
})
export class ReportsModule {}
