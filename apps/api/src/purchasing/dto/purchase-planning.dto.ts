import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsInt,
  IsString,
  IsUUID,
  Matches,
  Max,
  Min,
} from 'class-validator';
import type { DraftPurchaseOrdersRequest } from '@tradecounter/contracts';
import { WAREHOUSE_CODE } from '../../availability/dto/warehouse.dto';
import { MAX_UNITS } from '../../availability/dto/stock.dto';
import { NestedArray, OptionalField } from '../../common/http/field-decorators';
import { PageQueryDto } from '../../common/http/pagination.dto';

/** Supplier codes as purchasing's migration checks them. */
const SUPPLIER_CODE = /^[A-Z0-9][A-Z0-9_-]{0,31}$/;
export const MAX_DRAFT_ITEMS = 500;

/** The filters the shortfall and the suggestions share. */
export class PlanningQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'CHI' })
  @OptionalField()
  @IsString()
  @Matches(WAREHOUSE_CODE, { message: 'warehouseCode must be a warehouse code like "CHI"' })
  warehouseCode?: string;

  @ApiPropertyOptional({ example: 'FASTCO', description: "The products' primary supplier" })
  @OptionalField()
  @IsString()
  @Matches(SUPPLIER_CODE, { message: 'supplierCode must be a supplier code like "FASTCO"' })
  supplierCode?: string;
}

export class SuggestionsQueryDto extends PlanningQueryDto {
  @ApiPropertyOptional({
    default: false,
    description: 'true: every product and warehouse, not only those to buy',
  })
  @OptionalField()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  all?: boolean;
}

export class DraftItemDto {
  @ApiProperty() @IsUUID() productId: string;

  @ApiProperty({ example: 'CHI' })
  @IsString()
  @Matches(WAREHOUSE_CODE, { message: 'warehouseCode must be a warehouse code like "CHI"' })
  warehouseCode: string;

  @ApiPropertyOptional({
    description: 'Units to buy (rounded up to the pack); default: what the row proposes',
  })
  @OptionalField()
  @IsInt()
  @Min(1)
  @Max(MAX_UNITS)
  quantity?: number;
}

export class DraftShortfallDto implements DraftPurchaseOrdersRequest {
  @ApiPropertyOptional({
    type: [DraftItemDto],
    description: 'Default: every row of the shortfall with a supplier',
  })
  @OptionalField()
  @ArrayMaxSize(MAX_DRAFT_ITEMS)
  @NestedArray(() => DraftItemDto)
  items?: DraftItemDto[];
}

export class DraftSuggestionsDto implements DraftPurchaseOrdersRequest {
  @ApiProperty({ type: [DraftItemDto], description: 'The suggestions to buy (1–500)' })
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_DRAFT_ITEMS)
  @NestedArray(() => DraftItemDto)
  items: DraftItemDto[];
}
