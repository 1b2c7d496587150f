import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { IsInt, IsString, IsUUID, Matches, Max, Min } from 'class-validator';
import type { ChannelOrderLine, LineReference } from '@tradecounter/contracts';
import { MAX_LINE_QUANTITY } from '@tradecounter/domain';
import { OptionalField } from '../../common/http/field-decorators';

/** A SKU as a line names it; whether it exists is the resolver's to say. */
const IsSkuReference = () =>
  applyDecorators(
    IsString(),
    Matches(/^\S{1,40}$/, { message: 'sku must be a SKU (1–40 characters, no spaces)' }),
  );

/**
 * A requested line, as orders, quotes and promises take it: a product by id
 * or by SKU, and a quantity. `LineResolver` says which product it is, and
 * refuses an unknown, withdrawn or repeated one the same way on every route.
 */
export class LineReferenceDto implements LineReference {
  @ApiPropertyOptional({ description: 'The product; or give its sku' })
  @OptionalField()
  @IsUUID()
  productId?: string;

  @ApiPropertyOptional({ example: 'GLV-NIT-M', description: 'The product by SKU; or give productId' })
  @OptionalField()
  @IsSkuReference()
  sku?: string;

  @ApiProperty({
    minimum: 1,
    maximum: MAX_LINE_QUANTITY,
    description:
      "Whole units; where the line is ordered or saved, at least the product's minimum and in whole packs",
  })
  @IsInt()
  @Min(1)
  @Max(MAX_LINE_QUANTITY)
  quantity: number;
}

/** A line naming its product by SKU only (channel orders: integrations know SKUs, not our ids). */
export class SkuLineDto extends PickType(LineReferenceDto, ['quantity']) implements ChannelOrderLine {
  @ApiProperty({ example: 'GLV-NIT-M' })
  @IsSkuReference()
  sku: string;
}

/** A line naming its product by id only (templates, made from the catalog the portal shows). */
export class ProductLineDto extends PickType(LineReferenceDto, ['quantity']) implements LineReference {
  @ApiProperty()
  @IsUUID()
  productId: string;
}
