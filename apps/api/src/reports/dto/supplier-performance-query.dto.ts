import { ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { OptionalField } from '../../common/http/field-decorators';
import { ReportFilterDto } from './report-query.dto';

/** Only the period: suppliers are not an account's business. */
export class SupplierPerformanceQueryDto extends PickType(ReportFilterDto, ['from', 'to'] as const) {
  @ApiPropertyOptional({ enum: ['json', 'csv'], description: 'csv: the same rows as text/csv' })
  @OptionalField()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';
}
