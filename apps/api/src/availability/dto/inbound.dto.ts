import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsString, IsUUID, Matches, Max, Min } from 'class-validator';
import type {
  CreateInboundRequest,
  InboundQuery,
  InboundStatus,
  UpdateInboundRequest,
} from '@tradecounter/contracts';
import { IsIsoDate } from '../../common/http/date.validator';
import { PageQueryDto } from '../../common/http/pagination.dto';
import { MAX_UNITS } from './stock.dto';
import { WAREHOUSE_CODE } from './warehouse.dto';
import { OptionalField } from '../../common/http/field-decorators';

export const INBOUND_STATUSES: InboundStatus[] = ['expected', 'received', 'cancelled'];

export class InboundQueryDto extends PageQueryDto implements InboundQuery {
  @ApiPropertyOptional() @OptionalField() @IsUUID() productId?: string;

  @ApiPropertyOptional({ example: 'CHI' })
  @OptionalField()
  @IsString()
  @Matches(WAREHOUSE_CODE, { message: 'warehouseCode must be a warehouse code like "CHI"' })
  warehouseCode?: string;

  @ApiPropertyOptional({ enum: INBOUND_STATUSES })
  @OptionalField()
  @IsIn(INBOUND_STATUSES)
  status?: InboundStatus;
}

export class CreateInboundDto implements CreateInboundRequest {
  @ApiProperty() @IsUUID() productId: string;

  @ApiProperty({ example: 'CHI' })
  @IsString()
  @Matches(WAREHOUSE_CODE, { message: 'warehouseCode must be a warehouse code like "CHI"' })
  warehouseCode: string;

  @ApiProperty({ minimum: 1 }) @IsInt() @Min(1) @Max(MAX_UNITS) qty: number;
  @ApiProperty({ example: '2027-03-10' }) @IsIsoDate() expectedDate: string;
}

export class UpdateInboundDto implements UpdateInboundRequest {
  @ApiPropertyOptional({ minimum: 1, description: 'Never below the units already promised to orders (409)' })
  @OptionalField()
  @IsInt()
  @Min(1)
  @Max(MAX_UNITS)
  qty?: number;

  @ApiPropertyOptional({ example: '2027-03-12' }) @OptionalField() @IsIsoDate() expectedDate?: string;

  @ApiPropertyOptional({ enum: ['cancelled'], description: 'Cancel a receipt nothing is promised from' })
  @OptionalField()
  @IsIn(['cancelled'])
  status?: 'cancelled';
}
