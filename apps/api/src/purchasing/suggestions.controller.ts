import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { DraftPurchaseOrdersResult, Page, ReplenishmentSuggestion } from '@tradecounter/contracts';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, Roles } from '../auth/decorators';
import { pageRequest } from '../common/http/pagination.dto';
import { DraftSuggestionsDto, SuggestionsQueryDto } from './dto/purchase-planning.dto';
import { SuggestionsService } from './suggestions.service';
import { ApiResult } from '../openapi/api-result';

@ApiTags('purchasing')
@ApiBearerAuth()
@Controller('purchasing/suggestions')
export class SuggestionsController {
  constructor(private readonly suggestions: SuggestionsService) {}

  @Get()
  @ApiResult('Page<ReplenishmentSuggestion>')
  @Roles('admin', 'warehouse', 'manager')
  @ApiOperation({
    summary:
      'Replenishment per product and warehouse: average daily demand (90 days), available, on order, reorder ' +
      'point, order-up-to level and the suggested quantity; only rows to buy unless all=true',
  })
  list(@Query() query: SuggestionsQueryDto): Promise<Page<ReplenishmentSuggestion>> {
    return this.suggestions.list(
      { warehouseCode: query.warehouseCode, supplierCode: query.supplierCode, all: query.all },
      pageRequest(query),
    );
  }

  @Post('draft')
  @ApiResult('DraftPurchaseOrdersResult')
  @HttpCode(200)
  @Roles('admin', 'warehouse')
  @ApiOperation({
    summary:
      'Draft purchase orders for the suggestions named (their suggested quantity, or the one given, rounded up ' +
      'to the pack), one per primary supplier; rows without a supplier or nothing to buy are skipped',
  })
  draft(
    @CurrentUser() actor: AuthUser,
    @Body() body: DraftSuggestionsDto,
  ): Promise<DraftPurchaseOrdersResult> {
    return this.suggestions.draft(actor, body.items);
  }
}
