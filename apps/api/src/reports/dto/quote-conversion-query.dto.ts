import { ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import {
  QUOTE_CONVERSION_GROUPINGS,
  type QuoteConversionGroupBy,
  type QuoteConversionQuery,
} from '@tradecounter/contracts';
import { OptionalField } from '../../common/http/field-decorators';
import { ReportFilterDto } from './report-query.dto';

/** The period and the account filters of every report (quotes have no channel or category). */
export class QuoteConversionQueryDto
  extends PickType(ReportFilterDto, ['from', 'to', 'accountId', 'accountManagerId'] as const)
  implements QuoteConversionQuery
{
  @ApiPropertyOptional({ enum: QUOTE_CONVERSION_GROUPINGS, default: 'accountManager' })
  @OptionalField()
  @IsIn(QUOTE_CONVERSION_GROUPINGS)
  groupBy: QuoteConversionGroupBy = 'accountManager';

  @ApiPropertyOptional({ enum: ['json', 'csv'], description: 'csv: the same rows as text/csv' })
  @OptionalField()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';
}
