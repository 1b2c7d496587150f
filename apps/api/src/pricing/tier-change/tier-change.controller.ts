import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import type { TierChangePreview } from '@tradecounter/contracts';
import type { AuthUser } from '../../auth/auth-user';
import { CurrentUser, Roles } from '../../auth/decorators';
import { OptionalField } from '../../common/http/field-decorators';
import { IdPipe } from '../../common/http/id.pipe';
import { TierChangeService } from './tier-change.service';
import { ApiResult } from '../../openapi/api-result';

export class TierChangeQueryDto {
  @ApiPropertyOptional({ description: 'The proposed tier; absent for no tier (list prices)' })
  @OptionalField()
  @IsUUID()
  priceTierId?: string;
}

/** Pricing's view of an account, under the account's URL. */
@ApiTags('pricing')
@ApiBearerAuth()
@Controller('accounts')
export class TierChangeController {
  constructor(private readonly tierChange: TierChangeService) {}

  @Get(':id/tier-change-preview')
  @ApiResult('TierChangePreview')
  @Roles('account_manager', 'admin')
  @ApiOperation({
    summary:
      'Before changing an account’s price tier: up to 5 of its recent order lines with the unit price today on ' +
      'the present tier and on the proposed one (nothing is changed)',
  })
  preview(
    @CurrentUser() actor: AuthUser,
    @Param('id', IdPipe) id: string,
    @Query() query: TierChangeQueryDto,
  ): Promise<TierChangePreview> {
    return this.tierChange.preview(actor, id, query.priceTierId ?? null);
  }
}
