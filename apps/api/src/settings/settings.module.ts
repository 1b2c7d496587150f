import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CompanySettingsController } from './company-settings.controller';
import { CompanySettingsService } from './company-settings.service';

/** The company's own settings: the letterhead and logo every document carries. */
@Module({
  imports: [AuditModule],
  controllers: [CompanySettingsController],
  providers: [CompanySettingsService],
  exports: [CompanySettingsService],
})
export class SettingsModule {}
