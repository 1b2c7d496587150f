import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';
import type { CreateChannelRequest } from '@tradecounter/contracts';

export class CreateChannelDto implements CreateChannelRequest {
  @ApiProperty({
    example: 'acme-erp',
    description:
      'The channel its orders record: 2–40 lowercase letters, digits, "-" or "_"; not portal, phone, api or csv',
  })
  @IsString()
  @Matches(/^(?!(portal|phone|api|csv)$)[a-z0-9][a-z0-9_-]{1,39}$/, {
    message: 'name must be 2–40 lowercase letters, digits, "-" or "_", and not portal, phone, api or csv',
  })
  name: string;
}
