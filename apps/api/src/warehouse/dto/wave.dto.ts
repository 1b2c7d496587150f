import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsIn,
  IsInt,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import {
  type CreateWaveRequest,
  type ShortPickRequest,
  WAVE_STATUSES,
  type WaveStatus,
} from '@tradecounter/contracts';
import { MAX_LINE_QUANTITY } from '@tradecounter/domain';
import { WAREHOUSE_CODE } from '../../availability/dto/warehouse.dto';
import { OptionalField } from '../../common/http/field-decorators';
import { PageQueryDto } from '../../common/http/pagination.dto';

export const MAX_WAVE_ORDERS = 200;

export class CreateWaveDto implements CreateWaveRequest {
  @ApiProperty({ example: 'CHI' })
  @IsString()
  @Matches(WAREHOUSE_CODE, { message: 'warehouseCode must be a warehouse code like "CHI"' })
  warehouseCode: string;

  @ApiProperty({
    type: [String],
    description: `1–${MAX_WAVE_ORDERS} orders of that warehouse, each confirmed and in no open wave (409 otherwise)`,
  })
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_WAVE_ORDERS)
  @ArrayUnique({ message: 'orderIds must not name an order twice' })
  @IsUUID('all', { each: true })
  orderIds: string[];
}

export class WaveQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'CHI' })
  @OptionalField()
  @IsString()
  @Matches(WAREHOUSE_CODE, { message: 'warehouseCode must be a warehouse code like "CHI"' })
  warehouseCode?: string;

  @ApiPropertyOptional({ enum: WAVE_STATUSES })
  @OptionalField()
  @IsIn(WAVE_STATUSES)
  status?: WaveStatus;
}

export class ShortPickDto implements ShortPickRequest {
  @ApiProperty() @IsUUID() orderLineId: string;

  @ApiProperty({ minimum: 1, description: 'Units missing; at most the line’s reserved, unshipped units' })
  @IsInt()
  @Min(1)
  @Max(MAX_LINE_QUANTITY)
  quantity: number;

  @ApiProperty({
    example: 'Bin empty',
    description: 'Why (1–500 characters); kept with the stock adjustment',
  })
  @IsString()
  @Matches(/\S/, { message: 'reason must say why' })
  @MaxLength(500)
  reason: string;
}
