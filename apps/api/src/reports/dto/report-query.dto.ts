import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import {
  DELIVERY_GROUPINGS,
  SALES_GROUPINGS,
  type DeliveryGroupBy,
  type ReportFilter,
  type SalesGroupBy,
  type SalesQuery,
} from '@tradecounter/contracts';
import { IsIsoDate } from '../../common/http/date.validator';
import { OptionalField } from '../../common/http/field-decorators';

export class ReportFilterDto implements ReportFilter {
  @ApiPropertyOptional({
    example: '2027-01-01',
    description: 'First day (deployment time zone); default 29 days before to',
  })
  @OptionalField()
  @IsIsoDate()
  from?: string;

  @ApiPropertyOptional({ example: '2027-12-31', description: 'Last day, inclusive; default today' })
  @OptionalField()
  @IsIsoDate()
  to?: string;

  @ApiPropertyOptional({
    description: "Customers always see their own account's figures, whatever they send",
  })
  @OptionalField()
  @IsUUID()
  accountId?: string;

  @ApiPropertyOptional()
  @OptionalField()
  @IsUUID()
  accountManagerId?: string;

  @ApiPropertyOptional({ example: 'portal' })
  @OptionalField()
  @IsString()
  @Matches(/^[a-z0-9_-]{1,40}$/, { message: 'channel must be a channel name like "portal"' })
  channel?: string;

  @ApiPropertyOptional({ example: 'Fasteners' })
  @OptionalField()
  @IsString()
  @MaxLength(100)
  category?: string;
}

export class SalesQueryDto extends ReportFilterDto implements SalesQuery {
  @ApiPropertyOptional({ enum: SALES_GROUPINGS, default: 'day' })
  @OptionalField()
  @IsIn(SALES_GROUPINGS)
  groupBy: SalesGroupBy = 'day';

  @ApiPropertyOptional({ enum: ['json', 'csv'], description: 'csv: the same rows as text/csv' })
  @OptionalField()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';
}

export class ReportQueryDto extends ReportFilterDto {
  @ApiPropertyOptional({ enum: ['json', 'csv'], description: 'csv: the same numbers as text/csv' })
  @OptionalField()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';
}

export class DeliveryQueryDto extends ReportQueryDto {
  @ApiPropertyOptional({ enum: DELIVERY_GROUPINGS, default: 'week' })
  @OptionalField()
  @IsIn(DELIVERY_GROUPINGS)
  groupBy: DeliveryGroupBy = 'week';
}

export class DormantQueryDto extends ReportQueryDto {
  @ApiPropertyOptional({ default: 45, minimum: 1, maximum: 3650, description: 'No order in this many days' })
  @OptionalField()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(3650)
  days = 45;
}
