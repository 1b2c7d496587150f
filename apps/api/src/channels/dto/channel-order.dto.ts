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
import type { ChannelOrderLine, ChannelOrderRequest } from '@tradecounter/contracts';
import { MAX_LINE_QUANTITY } from '@tradecounter/domain';
import { CreateAddressDto } from '../../accounts/dto/address.dto';
import { IsIsoDate } from '../../common/http/date.validator';
import { MAX_ORDER_LINES } from '../../orders/dto/place-order.dto';
import { MultiLine, NestedArray, NestedObject, OptionalField } from '../../common/http/field-decorators';

export class ChannelOrderLineDto implements ChannelOrderLine {
  @ApiProperty({ example: 'GLV-NIT-M' })
  @IsString()
  @Matches(/^\S{1,40}$/, { message: 'sku must be a SKU (1–40 characters, no spaces)' })
  sku: string;

  @ApiProperty({ minimum: 1, maximum: MAX_LINE_QUANTITY })
  @IsInt()
  @Min(1)
  @Max(MAX_LINE_QUANTITY)
  quantity: number;
}

/** An order from an integration; prices and statuses are the server's, as for every order. */
export class ChannelOrderDto implements ChannelOrderRequest {
  @ApiProperty({ example: 'ACME' })
  @IsString()
  @Matches(/^\S{1,40}$/, { message: 'accountCode must be an account code' })
  accountCode: string;

  @ApiProperty({
    example: 'PO-2031-0042',
    description: "The sender's reference: sent again, it returns the same order",
  })
  @IsString()
  @Matches(/^[\x21-\x7e]{1,100}$/, { message: 'externalRef must be 1–100 visible ASCII characters' })
  externalRef: string;

  @ApiPropertyOptional({ description: "One of the account's addresses; or send address" })
  @OptionalField()
  @IsUUID()
  shippingAddressId?: string;

  @ApiPropertyOptional({
    type: CreateAddressDto,
    description: 'Where to ship, when not one of the account’s addresses',
  })
  @OptionalField()
  @NestedObject(() => CreateAddressDto)
  address?: CreateAddressDto;

  @ApiPropertyOptional()
  @OptionalField()
  @IsString()
  @IsNotEmpty()
  @MaxLength(60)
  poNumber?: string;

  @ApiPropertyOptional({ example: '2031-06-30' })
  @OptionalField()
  @IsIsoDate()
  requestedDeliveryDate?: string;

  @ApiPropertyOptional({ default: false })
  @OptionalField()
  @IsBoolean()
  shipComplete?: boolean;

  @ApiPropertyOptional()
  @OptionalField()
  @MultiLine()
  @IsString()
  @MaxLength(1000)
  notes?: string;

  @ApiProperty({ type: [ChannelOrderLineDto] })
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_ORDER_LINES)
  @NestedArray(() => ChannelOrderLineDto)
  lines: ChannelOrderLineDto[];
}
