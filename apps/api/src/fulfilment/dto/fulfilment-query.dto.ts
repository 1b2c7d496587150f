import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, IsUUID, Matches } from 'class-validator';
import {
  FULFILMENT_QUEUES,
  FULFILMENT_SORT_FIELDS,
  type FulfilmentQueue,
  type FulfilmentSortField,
  type SortDirection,
} from '@tradecounter/contracts';
import { PageQueryDto } from '../../common/http/pagination.dto';
import { WAREHOUSE_CODE } from '../../availability/dto/warehouse.dto';
import { OptionalField } from '../../common/http/field-decorators';
import { SortDirectionField, SortField } from '../../common/http/sort';

export class WarehouseQueryDto {
  @ApiProperty({ example: 'CHI' })
  @IsString()
  @Matches(WAREHOUSE_CODE, { message: 'warehouseCode must be a warehouse code like "CHI"' })
  warehouseCode: string;
}

export class PickListQueryDto extends PageQueryDto {
  @ApiProperty({ example: 'CHI' })
  @IsString()
  @Matches(WAREHOUSE_CODE, { message: 'warehouseCode must be a warehouse code like "CHI"' })
  warehouseCode: string;

  @ApiPropertyOptional({ description: 'Only this order (a print of one order’s pick list)' })
  @OptionalField()
  @IsUUID()
  orderId?: string;
}

export class BoardQueryDto extends PageQueryDto {
  @ApiProperty({ example: 'CHI' })
  @IsString()
  @Matches(WAREHOUSE_CODE, { message: 'warehouseCode must be a warehouse code like "CHI"' })
  warehouseCode: string;

  @ApiProperty({ enum: FULFILMENT_QUEUES })
  @IsIn(FULFILMENT_QUEUES)
  status: FulfilmentQueue;

  @SortField(FULFILMENT_SORT_FIELDS, 'placedAt')
  sort?: FulfilmentSortField;

  @SortDirectionField()
  dir?: SortDirection;
}
