import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import {
  type SetStockRequest,
  type SortDirection,
  STOCK_SORT_FIELDS,
  type StockQuery,
  type StockSortField,
} from '@tradecounter/contracts';
import { PageQueryDto } from '../../common/http/pagination.dto';
import { WAREHOUSE_CODE } from './warehouse.dto';
import { NullableField, OptionalField } from '../../common/http/field-decorators';
import { MAX_BIN_LENGTH } from '@tradecounter/domain';
import { SortDirectionField, SortField } from '../../common/http/sort';

export const MAX_UNITS = 100_000_000;

export class StockQueryDto extends PageQueryDto implements StockQuery {
  @ApiPropertyOptional() @OptionalField() @IsUUID() productId?: string;

  @ApiPropertyOptional({ example: 'CHI' })
  @OptionalField()
  @IsString()
  @Matches(WAREHOUSE_CODE, { message: 'warehouseCode must be a warehouse code like "CHI"' })
  warehouseCode?: string;

  @ApiPropertyOptional({ description: 'SKU prefix or words of the name' })
  @OptionalField()
  @IsString()
  @MaxLength(100)
  search?: string;

  @ApiPropertyOptional({
    minimum: 0,
    description: 'Only rows whose available (on hand − reserved) is at most this',
  })
  @OptionalField()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_UNITS)
  lowStock?: number;

  @SortField(STOCK_SORT_FIELDS, 'sku')
  sort?: StockSortField;

  @SortDirectionField()
  dir?: SortDirection;
}

export class SetStockDto implements SetStockRequest {
  @ApiPropertyOptional({
    minimum: 0,
    description: 'Units physically on hand; never below what is reserved (409)',
  })
  @OptionalField()
  @IsInt()
  @Min(0)
  @Max(MAX_UNITS)
  onHand?: number;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'A-01-03',
    description: `Where the product is kept: letters and digits in groups separated by '-', at most ${MAX_BIN_LENGTH} characters (upper-cased); null or '' clears it`,
  })
  @NullableField()
  @IsString()
  @MaxLength(MAX_BIN_LENGTH + 10)
  bin?: string | null;
}
