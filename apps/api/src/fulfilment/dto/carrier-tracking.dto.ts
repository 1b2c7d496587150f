import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import type { SetCarrierTrackingRequest } from '@tradecounter/contracts';
import { MAX_TRACKING_TEMPLATE_LENGTH } from '@tradecounter/domain';

export class SetCarrierTrackingDto implements SetCarrierTrackingRequest {
  @ApiProperty({
    example: 'https://www.ups.com/track?tracknum={trackingNumber}',
    description: 'An http(s) address with {trackingNumber} where the URL-encoded tracking number goes',
  })
  @IsString()
  @MaxLength(MAX_TRACKING_TEMPLATE_LENGTH)
  urlTemplate: string;
}
