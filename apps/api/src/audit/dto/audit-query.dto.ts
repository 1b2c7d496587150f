import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, IsUUID, MaxLength } from 'class-validator';
import type { AuditedEntity, AuditQuery } from '@tradecounter/contracts';
import { PageQueryDto } from '../../common/http/pagination.dto';
import { OptionalField } from '../../common/http/field-decorators';

export const AUDITED_ENTITIES = [
  'account',
  'address',
  'user',
  'product',
  'price_tier',
  'contract_price',
  'warehouse',
  'holiday_calendar',
  'stock',
  'inbound',
  'order',
  'channel',
  'carrier_tracking',
  'supplier',
  'product_supply',
  'purchase_order',
  'purchasing_settings',
  'company_settings',
] as const satisfies readonly AuditedEntity[];

export class AuditQueryDto extends PageQueryDto implements AuditQuery {
  @ApiPropertyOptional({
    enum: AUDITED_ENTITIES,
    description:
      "With entityId, one record's history; price_tier and a tier's id: the tier's settings, breaks and fixed prices",
  })
  @OptionalField()
  @IsIn(AUDITED_ENTITIES)
  entity?: AuditedEntity;

  @ApiPropertyOptional()
  @OptionalField()
  @IsString()
  @MaxLength(100)
  entityId?: string;

  @ApiPropertyOptional({
    description: 'Only changes concerning this account (its settings, addresses, users, contract prices)',
  })
  @OptionalField()
  @IsUUID()
  accountId?: string;

  @ApiPropertyOptional({ description: 'Only the changes one import made: its id (GET /api/imports/:id)' })
  @OptionalField()
  @IsUUID()
  changeSetId?: string;
}
