import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import {
  OPEN_LINE_SORT_FIELDS,
  type OpenLineSortField,
  ORDER_SORT_FIELDS,
  type OrderQuery,
  type OrderSortField,
  type OrderStatus,
  type SortDirection,
} from '@tradecounter/contracts';
import { ORDER_STATUSES } from '@tradecounter/domain';
import { IsIsoDate } from '../../common/http/date.validator';
import { PageQueryDto } from '../../common/http/pagination.dto';
import { OptionalField } from '../../common/http/field-decorators';
import { SortDirectionField, SortField } from '../../common/http/sort';

export class OrderQueryDto extends PageQueryDto implements OrderQuery {
  @ApiPropertyOptional({ enum: ORDER_STATUSES })
  @OptionalField()
  @IsIn(ORDER_STATUSES)
  status?: OrderStatus;

  @ApiPropertyOptional({ description: "Staff: one account's orders (customers always see only their own)" })
  @OptionalField()
  @IsUUID()
  accountId?: string;

  @ApiPropertyOptional({ example: 'portal' })
  @OptionalField()
  @IsString()
  @Matches(/^[a-z0-9_-]{1,40}$/, { message: 'channel must be a channel name like "portal"' })
  channel?: string;

  @ApiPropertyOptional({
    example: '2027-03-01',
    description: 'Placed on or after this day (deployment time zone)',
  })
  @OptionalField()
  @IsIsoDate()
  from?: string;

  @ApiPropertyOptional({ example: '2027-03-31', description: 'Placed on or before this day' })
  @OptionalField()
  @IsIsoDate()
  to?: string;

  @ApiPropertyOptional({ description: 'Order number, PO number, or account code or name' })
  @OptionalField()
  @IsString()
  @MaxLength(100)
  search?: string;

  @SortField(ORDER_SORT_FIELDS, 'placedAt')
  sort?: OrderSortField;

  @SortDirectionField()
  dir?: SortDirection;
}

export class OpenLinesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    description: "Staff: one account's open lines (customers always see only their own)",
  })
  @OptionalField()
  @IsUUID()
  accountId?: string;

  @SortField(OPEN_LINE_SORT_FIELDS, 'promisedDate')
  sort?: OpenLineSortField;

  @SortDirectionField()
  dir?: SortDirection;
}
