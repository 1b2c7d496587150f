import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../common/http/pagination.dto';

export const AUDITED_ENTITIES = [
  'account',
  'address',
  'user',
  'product',
  'price_tier',
  'contract_price',
] as const;

export class AuditQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: AUDITED_ENTITIES })
  @IsOptional()
  @IsIn(AUDITED_ENTITIES)
  entity?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  entityId?: string;

  @ApiPropertyOptional({
    description: 'Only changes concerning this account (its settings, addresses, users, contract prices)',
  })
  @IsOptional()
  @IsUUID()
  accountId?: string;
}
