import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import type { ChannelOrderLine, ChannelOrderRequest } from '@tradecounter/contracts';
import { MAX_LINE_QUANTITY } from '@tradecounter/domain';
import { CreateAddressDto } from '../../accounts/dto/address.dto';
import { IsIsoDate } from '../../common/http/date.validator';
import { MAX_ORDER_LINES } from '../../orders/dto/place-order.dto';

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
  @IsOptional()
  @IsUUID()
  shippingAddressId?: string;

  @ApiPropertyOptional({
    type: CreateAddressDto,
    description:
      'Where to ship, when not one of the account’s addresses: only for a channel that allows addresses (else 400)',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => CreateAddressDto)
  address?: CreateAddressDto;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(60)
  poNumber?: string;

  @ApiPropertyOptional({ example: '2031-06-30' })
  @IsOptional()
  @IsIsoDate()
  requestedDeliveryDate?: string;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  shipComplete?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  notes?: string;

  @ApiProperty({ type: [ChannelOrderLineDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_ORDER_LINES)
  @ValidateNested({ each: true })
  @Type(() => ChannelOrderLineDto)
  lines: ChannelOrderLineDto[];
}
