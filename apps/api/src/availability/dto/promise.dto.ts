import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  ValidateNested,
} from 'class-validator';
import type { PromiseRequest } from '@tradecounter/contracts';
import { LineReferenceDto } from '../../catalog/dto/line-reference.dto';
import { IsInstant } from '../../common/http/instant.validator';
import { WAREHOUSE_CODE } from './warehouse.dto';

export const MAX_PROMISE_LINES = 500;

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

  @ApiProperty({ type: [LineReferenceDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_PROMISE_LINES)
  @ValidateNested({ each: true })
  @Type(() => LineReferenceDto)
  lines: LineReferenceDto[];
}
