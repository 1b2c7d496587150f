import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  isUUID,
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsNotEmpty,
  IsString,
  IsUUID,
  MaxLength,
} from 'class-validator';
import type { PlaceOrderRequest } from '@tradecounter/contracts';
import { fastAcceptWithLines, LineReferenceDto } from '../../catalog/dto/line-reference.dto';
import { IsIsoDate } from '../../common/http/date.validator';
import { IsMoney } from '../../common/http/money.validator';
import { MultiLine, NestedArray, OptionalField } from '../../common/http/field-decorators';

export const MAX_ORDER_LINES = 500;

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
    type: [LineReferenceDto],
    description: "1–500 lines, one per product. Without lines, the user's cart is ordered and emptied",
  })
  @OptionalField()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_ORDER_LINES)
  @NestedArray(() => LineReferenceDto)
  lines?: LineReferenceDto[];

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

/** `POST /api/orders?dryRun=true`: answer what placing would do, and place nothing. */
export class PlaceOrderQueryDto {
  @ApiPropertyOptional({
    description:
      'true: a dry run. Nothing is written and no Idempotency-Key is needed or claimed; 200 with what placing ' +
      'would do (priced lines, promised dates, and placed, needs approval or credit hold)',
  })
  @OptionalField()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  dryRun?: boolean;
}

// Notes, a requested date and an expected subtotal are left to the full validation, as is an order of the cart (no lines).
fastAcceptWithLines(
  PlaceOrderDto,
  MAX_ORDER_LINES,
  ['shippingAddressId', 'poNumber', 'shipComplete'],
  ({ shippingAddressId, poNumber, shipComplete }) =>
    isUUID(shippingAddressId) &&
    typeof shipComplete === 'boolean' &&
    (poNumber === undefined ||
      (typeof poNumber === 'string' && poNumber.length >= 1 && poNumber.length <= 50)),
);
