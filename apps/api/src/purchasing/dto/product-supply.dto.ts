import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import type { SetProductSupplyRequest } from '@tradecounter/contracts';
import { OptionalField } from '../../common/http/field-decorators';
import { IsMoney } from '../../common/http/money.validator';
import { SUPPLIER_CODE } from './supplier.dto';

export class SetProductSupplyDto implements SetProductSupplyRequest {
  @ApiProperty({ example: 'ACME' })
  @IsString()
  @Matches(SUPPLIER_CODE, { message: 'supplierCode must be a supplier code like "ACME"' })
  supplierCode: string;

  @ApiProperty() @IsString() @MinLength(1) @MaxLength(60) supplierSku: string;
  @ApiProperty({ example: '12.50' }) @IsMoney() unitCost: string;
  @ApiProperty({ minimum: 1 }) @IsInt() @Min(1) @Max(100_000) packSize: number;

  @ApiPropertyOptional({ minimum: 0, description: 'Default 5' })
  @OptionalField()
  @IsInt()
  @Min(0)
  @Max(365)
  safetyDays?: number;

  @ApiPropertyOptional({ minimum: 0, description: 'Default 10' })
  @OptionalField()
  @IsInt()
  @Min(0)
  @Max(365)
  reviewDays?: number;
}
