import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { DraftPurchaseOrdersResult, Page, ShortfallRow } from '@tradecounter/contracts';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, Roles } from '../auth/decorators';
import { pageRequest } from '../common/http/pagination.dto';
import { DraftShortfallDto, PlanningQueryDto } from './dto/purchase-planning.dto';
import { ShortfallService } from './shortfall.service';
import { ApiResult } from '../openapi/api-result';

@ApiTags('purchasing')
@ApiBearerAuth()
@Controller('purchasing/shortfall')
export class ShortfallController {
  constructor(private readonly shortfall: ShortfallService) {}

  @Get()
  @ApiResult('Page<ShortfallRow>')
  @Roles('admin', 'warehouse')
  @ApiOperation({
    summary:
      'Demand nothing covers, per product and warehouse: units of open order lines promised from the supplier, ' +
      'the units on draft purchase orders, the shortfall and what a draft would order (rounded up to the pack)',
  })
  list(@Query() query: PlanningQueryDto): Promise<Page<ShortfallRow>> {
    return this.shortfall.list(
      { warehouseCode: query.warehouseCode, supplierCode: query.supplierCode },
      pageRequest(query),
    );
  }

  @Post('draft')
  @ApiResult('DraftPurchaseOrdersResult')
  @HttpCode(200)
  @Roles('admin', 'warehouse')
  @ApiOperation({
    summary:
      'Draft purchase orders for the shortfall (the rows named, or all), one per primary supplier; rows without a ' +
      'supplier or no longer short are skipped with the reason. Drafting twice creates nothing twice',
  })
  draft(@CurrentUser() actor: AuthUser, @Body() body: DraftShortfallDto): Promise<DraftPurchaseOrdersResult> {
    return this.shortfall.draft(actor, body.items);
  }
}
