import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsInt, IsString, IsUUID, Matches, Max, Min } from 'class-validator';
import type { CreateShipmentRequest, ShipmentLine } from '@tradecounter/contracts';
import { MAX_LINE_QUANTITY } from '@tradecounter/domain';
import { NestedArray } from '../../common/http/field-decorators';

export class ShipmentLineDto implements ShipmentLine {
  @ApiProperty() @IsUUID() orderLineId: string;

  @ApiProperty({ minimum: 1, description: 'Units of the line in this shipment' })
  @IsInt()
  @Min(1)
  @Max(MAX_LINE_QUANTITY)
  quantity: number;
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
}
