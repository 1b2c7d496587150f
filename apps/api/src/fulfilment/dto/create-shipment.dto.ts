import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsInt,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import type { CreateShipmentRequest, ShipCompleteOverride, ShipmentLine } from '@tradecounter/contracts';
import { MAX_LINE_QUANTITY } from '@tradecounter/domain';
import { NestedArray, NestedObject, OptionalField } from '../../common/http/field-decorators';

export class ShipmentLineDto implements ShipmentLine {
  @ApiProperty() @IsUUID() orderLineId: string;

  @ApiProperty({ minimum: 1, description: 'Units of the line in this shipment' })
  @IsInt()
  @Min(1)
  @Max(MAX_LINE_QUANTITY)
  quantity: number;
}

export class ShipCompleteOverrideDto implements ShipCompleteOverride {
  @ApiProperty({
    example: 'Customer asked for the stocked lines now',
    description:
      'Why part of a ship-complete order ships anyway (1–500 characters); kept in the order history',
  })
  @IsString()
  @Matches(/\S/, { message: 'reason must say why' })
  @MaxLength(500)
  reason: string;
}

export class CreateShipmentDto implements CreateShipmentRequest {
  @ApiProperty({ example: 'UPS', description: 'The carrier’s name (1–60 characters)' })
  @IsString()
  @Matches(/^\S(.{0,58}\S)?$/, {
    message: 'carrier must be 1–60 characters, not starting or ending with a space',
  })
  carrier: string;

  @ApiProperty({ example: '1Z999AA10123456784', description: '1–60 characters, no spaces' })
  @IsString()
  @Matches(/^[\x21-\x7e]{1,60}$/, { message: 'trackingNumber must be 1–60 visible characters, no spaces' })
  trackingNumber: string;

  @ApiProperty({ type: [ShipmentLineDto] })
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @NestedArray(() => ShipmentLineDto)
  lines: ShipmentLineDto[];

  @ApiPropertyOptional({
    type: ShipCompleteOverrideDto,
    description:
      'Ship part of a ship-complete order anyway, with the reason (an order event); without it such a shipment answers 409',
  })
  @OptionalField()
  @NestedObject(() => ShipCompleteOverrideDto)
  overrideShipComplete?: ShipCompleteOverrideDto;
}
