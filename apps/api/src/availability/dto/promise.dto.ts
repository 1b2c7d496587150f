import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsInt, IsString, IsUUID, Matches, Max, Min } from 'class-validator';
import type { PromiseLineRequest, PromiseRequest } from '@tradecounter/contracts';
import { IsInstant } from '../../common/http/instant.validator';
import { MAX_UNITS } from './stock.dto';
import { WAREHOUSE_CODE } from './warehouse.dto';
import { NestedArray, OptionalField } from '../../common/http/field-decorators';

export const MAX_PROMISE_LINES = 500;

export class PromiseLineDto implements PromiseLineRequest {
  @ApiPropertyOptional() @OptionalField() @IsUUID() productId?: string;

  @ApiPropertyOptional({ example: 'GLV-NIT-M' })
  @OptionalField()
  @IsString()
  @Matches(/^\S{1,40}$/)
  sku?: string;

  @ApiProperty({ minimum: 1 }) @IsInt() @Min(1) @Max(MAX_UNITS) quantity: number;
}

export class PromiseDto implements PromiseRequest {
  @ApiPropertyOptional({
    description: 'Staff: the account to promise for; customers always promise for their own',
  })
  @OptionalField()
  @IsUUID()
  accountId?: string;

  @ApiPropertyOptional({ example: '2027-03-01T16:00:00Z', description: 'The order instant; default now' })
  @OptionalField()
  @IsInstant()
  at?: string;

  @ApiPropertyOptional({
    example: 'CHI',
    description: "Default: the account's default warehouse, else the default warehouse",
  })
  @OptionalField()
  @IsString()
  @Matches(WAREHOUSE_CODE, { message: 'warehouseCode must be a warehouse code like "CHI"' })
  warehouseCode?: string;

  @ApiProperty({ type: [PromiseLineDto] })
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_PROMISE_LINES)
  @NestedArray(() => PromiseLineDto)
  lines: PromiseLineDto[];
}
