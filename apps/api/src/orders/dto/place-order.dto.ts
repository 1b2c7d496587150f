import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsInt,
  IsNotEmpty,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import type { PlaceOrderRequest } from '@tradecounter/contracts';
import { MAX_LINE_QUANTITY } from '@tradecounter/domain';
import { IsIsoDate } from '../../common/http/date.validator';
import { IsMoney } from '../../common/http/money.validator';
import { MultiLine, NestedArray, OptionalField } from '../../common/http/field-decorators';

export const MAX_ORDER_LINES = 500;

export class PlaceOrderLineDto {
  @ApiPropertyOptional({ description: 'The product, or give its sku' })
  @OptionalField()
  @IsUUID()
  productId?: string;

  @ApiPropertyOptional({ example: 'GLV-NIT-M' })
  @OptionalField()
  @IsString()
  @Matches(/^\S{1,40}$/, { message: 'sku must be a SKU (1–40 characters, no spaces)' })
  sku?: string;

  @ApiProperty({
    minimum: 1,
    maximum: MAX_LINE_QUANTITY,
    description: "A whole number of units, at least the product's minimum and in whole packs",
  })
  @IsInt()
  @Min(1)
  @Max(MAX_LINE_QUANTITY)
  quantity: number;
}

/**
 * An order as submitted. Prices and statuses are the server's: a body that
 * carries them (or any field not here) is refused, not ignored.
 */
export class PlaceOrderDto implements PlaceOrderRequest {
  @ApiPropertyOptional({
    description: 'Staff: the account to order for (channel phone); customers always order for their own',
  })
  @OptionalField()
  @IsUUID()
  accountId?: string;

  @ApiPropertyOptional({
    type: [PlaceOrderLineDto],
    description: "1–500 lines, one per product. Without lines, the user's cart is ordered and emptied",
  })
  @OptionalField()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_ORDER_LINES)
  @NestedArray(() => PlaceOrderLineDto)
  lines?: PlaceOrderLineDto[];

  @ApiProperty({ description: "One of the account's shipping addresses" })
  @IsUUID()
  shippingAddressId: string;

  @ApiPropertyOptional({ description: 'Required when the account requires a PO number' })
  @OptionalField()
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  poNumber?: string;

  @ApiPropertyOptional({ example: '2027-03-12', description: 'Not before the earliest promised delivery' })
  @OptionalField()
  @IsIsoDate()
  requestedDeliveryDate?: string;

  @ApiProperty({ description: 'Ship everything together (on the latest promised date) or as available' })
  @IsBoolean()
  shipComplete: boolean;

  @ApiPropertyOptional() @OptionalField() @MultiLine() @IsString() @MaxLength(2000) notes?: string;

  @ApiPropertyOptional({
    example: '1234.50',
    description:
      'The subtotal the buyer saw; if the reprice differs, 409 with the new prices and nothing placed',
  })
  @OptionalField()
  @IsMoney()
  expectedSubtotal?: string;
}
