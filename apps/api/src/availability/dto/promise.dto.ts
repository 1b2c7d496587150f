import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import type { PromiseLineRequest, PromiseRequest } from '@tradecounter/contracts';
import { IsInstant } from '../../common/http/instant.validator';
import { MAX_UNITS } from './stock.dto';
import { WAREHOUSE_CODE } from './warehouse.dto';

export const MAX_PROMISE_LINES = 500;

export class PromiseLineDto implements PromiseLineRequest {
  @ApiPropertyOptional() @IsOptional() @IsUUID() productId?: string;

  @ApiPropertyOptional({ example: 'GLV-NIT-M' })
  @IsOptional()
  @IsString()
  @Matches(/^\S{1,40}$/)
  sku?: string;

  @ApiProperty({ minimum: 1 }) @IsInt() @Min(1) @Max(MAX_UNITS) quantity: number;
}

export class PromiseDto implements PromiseRequest {
  @ApiPropertyOptional({
    description: 'Staff: the account to promise for; customers always promise for their own',
  })
  @IsOptional()
  @IsUUID()
  accountId?: string;

  @ApiPropertyOptional({ example: '2027-03-01T16:00:00Z', description: 'The order instant; default now' })
  @IsOptional()
  @IsInstant()
  at?: string;

  @ApiPropertyOptional({
    example: 'CHI',
    description: "Default: the account's default warehouse, else the default warehouse",
  })
  @IsOptional()
  @IsString()
  @Matches(WAREHOUSE_CODE, { message: 'warehouseCode must be a warehouse code like "CHI"' })
  warehouseCode?: string;

  @ApiProperty({ type: [PromiseLineDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_PROMISE_LINES)
  @ValidateNested({ each: true })
  @Type(() => PromiseLineDto)
  lines: PromiseLineDto[];
}
