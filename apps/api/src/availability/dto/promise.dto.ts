import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsString, IsUUID, Matches } from 'class-validator';
import type { PromiseRequest } from '@tradecounter/contracts';
import { fastAcceptWithLines, LineReferenceDto } from '../../catalog/dto/line-reference.dto';
import { IsInstant } from '../../common/http/instant.validator';
import { WAREHOUSE_CODE } from './warehouse.dto';
import { NestedArray, OptionalField } from '../../common/http/field-decorators';

export const MAX_PROMISE_LINES = 500;

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

  @ApiProperty({ type: [LineReferenceDto] })
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_PROMISE_LINES)
  @NestedArray(() => LineReferenceDto)
  lines: LineReferenceDto[];
}

// An instant or a warehouse is left to the full validation.
fastAcceptWithLines(PromiseDto, MAX_PROMISE_LINES);
