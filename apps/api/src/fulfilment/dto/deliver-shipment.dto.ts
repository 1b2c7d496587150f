import { ApiProperty } from '@nestjs/swagger';
import type { DeliverShipmentRequest } from '@tradecounter/contracts';
import { IsInstant } from '../../common/http/instant.validator';

export class DeliverShipmentDto implements DeliverShipmentRequest {
  @ApiProperty({ example: '2027-03-04T15:30:00Z', description: 'Not in the future, not before it shipped' })
  @IsInstant()
  deliveredAt: string;
}
