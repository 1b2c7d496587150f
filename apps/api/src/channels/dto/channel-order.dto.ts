import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsNotEmpty,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
} from 'class-validator';
import type { ChannelOrderRequest } from '@tradecounter/contracts';
import { CreateAddressDto } from '../../accounts/dto/address.dto';
import { SkuLineDto } from '../../catalog/dto/line-reference.dto';
import { IsIsoDate } from '../../common/http/date.validator';
import { MAX_ORDER_LINES } from '../../orders/dto/place-order.dto';
import { MultiLine, NestedArray, NestedObject, OptionalField } from '../../common/http/field-decorators';

/** An order from an integration; prices and statuses are the server's, as for every order. */
export class ChannelOrderDto implements ChannelOrderRequest {
  @ApiProperty({ example: 'ACME' })
  @IsString()
  @Matches(/^[\x21-\x7e]{1,40}$/, { message: 'accountCode must be an account code (visible ASCII)' })
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
    description:
      'Where to ship, when not one of the account’s addresses: only for a channel that allows addresses (else 400)',
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

  @ApiProperty({ type: [SkuLineDto] })
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_ORDER_LINES)
  @NestedArray(() => SkuLineDto)
  lines: SkuLineDto[];
}
