import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { RETURN_RATE_GROUPS, type ReturnRateGroup, type ReturnRateQuery } from '@tradecounter/contracts';
import { OptionalField } from '../../common/http/field-decorators';
import { ReportQueryDto } from './report-query.dto';

/** Every report's filters (period, account, account manager, channel, category), the grouping and the format. */
export class ReturnRateQueryDto extends ReportQueryDto implements ReturnRateQuery {
  @ApiPropertyOptional({
    enum: RETURN_RATE_GROUPS,
    default: 'product',
    description: 'reason: each reason against all units delivered in the period',
  })
  @OptionalField()
  @IsIn(RETURN_RATE_GROUPS)
  groupBy: ReturnRateGroup = 'product';
}
