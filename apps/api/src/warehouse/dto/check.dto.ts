import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsInt, IsString, Matches, Max, Min } from 'class-validator';
import type { CheckOrderRequest } from '@tradecounter/contracts';
import { MAX_LINE_QUANTITY } from '@tradecounter/domain';
import { NestedArray, OptionalField } from '../../common/http/field-decorators';

const CODE = /^[\x21-\x7e]{1,40}$/;

export class CheckScanDto {
  @ApiPropertyOptional({ example: 'GLV-NIT-M', description: 'The SKU typed or scanned (or give barcode)' })
  @OptionalField()
  @IsString()
  @Matches(CODE, { message: 'sku must be 1–40 visible characters' })
  sku?: string;

  @ApiPropertyOptional({ example: '0012345678905', description: 'A product or case barcode scanned' })
  @OptionalField()
  @IsString()
  @Matches(CODE, { message: 'barcode must be 1–40 visible characters' })
  barcode?: string;

  @ApiProperty({ minimum: 1, description: 'Times scanned (a case barcode counts its qty each time)' })
  @IsInt()
  @Min(1)
  @Max(MAX_LINE_QUANTITY)
  quantity: number;
}

export class CheckOrderDto implements CheckOrderRequest {
  @ApiProperty({ type: [CheckScanDto] })
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @NestedArray(() => CheckScanDto)
  lines: CheckScanDto[];
}
