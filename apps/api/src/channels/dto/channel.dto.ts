import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsString, IsUUID, Matches, ValidateIf } from 'class-validator';
import type { CreateChannelRequest, UpdateChannelRequest } from '@tradecounter/contracts';

/** More accounts than this is a channel for (nearly) everyone: say so with allAccounts. */
export const MAX_CHANNEL_ACCOUNTS = 500;

const present = (_: unknown, value: unknown) => value !== undefined;

/** What a channel's key may do; absent fields keep their value (on create: none, no, no). */
export class ChannelSettingsDto implements UpdateChannelRequest {
  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description:
      'The accounts its key may order for (replaces the list). Without this and allAccounts: no account at all',
    maxItems: MAX_CHANNEL_ACCOUNTS,
  })
  @ValidateIf(present)
  @IsArray()
  @ArrayMaxSize(MAX_CHANNEL_ACCOUNTS)
  @IsUUID('all', { each: true, message: 'each of accountIds must be an account id' })
  accountIds?: string[];

  @ApiPropertyOptional({
    default: false,
    description: 'Its key may order for every account, present and future: an explicit choice',
  })
  @ValidateIf(present)
  @IsBoolean()
  allAccounts?: boolean;

  @ApiPropertyOptional({
    default: false,
    description:
      'Its orders may carry a ship-to address; otherwise they name one of the account’s (shippingAddressId)',
  })
  @ValidateIf(present)
  @IsBoolean()
  allowAddresses?: boolean;

  @ApiPropertyOptional({
    default: false,
    description:
      'Its key may also upsert products, stock, accounts, prices and suppliers through PUT /api/sync/:kind, acting for the admin who created it',
  })
  @ValidateIf(present)
  @IsBoolean()
  dataSync?: boolean;
}

export class CreateChannelDto extends ChannelSettingsDto implements CreateChannelRequest {
  @ApiProperty({
    example: 'acme-erp',
    description:
      'The channel its orders record: 2–40 lowercase letters, digits, "-" or "_"; not portal, phone, api, csv or standing',
  })
  @IsString()
  @Matches(/^(?!(portal|phone|api|csv|standing)$)[a-z0-9][a-z0-9_-]{1,39}$/, {
    message:
      'name must be 2–40 lowercase letters, digits, "-" or "_", and not portal, phone, api, csv or standing',
  })
  name: string;
}

/** PATCH /api/channels/:id. No name: it is what its orders record, and the scope of their references. */
export class UpdateChannelDto extends ChannelSettingsDto {}
