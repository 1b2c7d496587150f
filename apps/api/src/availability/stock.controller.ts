import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Page, StockLevel } from '@tradecounter/contracts';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, Roles } from '../auth/decorators';
import { IdPipe } from '../common/http/id.pipe';
import { pageRequest } from '../common/http/pagination.dto';
import { SetStockDto, StockQueryDto } from './dto/stock.dto';
import { StockService } from './stock.service';
import { WarehouseCodePipe } from './warehouse-code.pipe';
import { ApiResult } from '../openapi/api-result';

@ApiTags('availability')
@ApiBearerAuth()
@Controller('stock')
export class StockController {
  constructor(private readonly stock: StockService) {}

  @Get()
  @ApiResult('Page<StockLevel>')
  @Roles('warehouse', 'admin', 'manager')
  @ApiOperation({
    summary: 'Stock per product and warehouse: on hand, reserved, available, inbound; low-stock filter',
  })
  list(@Query() query: StockQueryDto): Promise<Page<StockLevel>> {
    const { productId, warehouseCode, search, lowStock, sort, dir } = query;
    return this.stock.list({ productId, warehouseCode, search, lowStock, sort, dir }, pageRequest(query));
  }

  @Put(':productId/:warehouseCode')
  @ApiResult('StockLevel')
  @Roles('warehouse', 'admin')
  @ApiOperation({
    summary:
      'Set units on hand (a count; 409 below what is reserved) and/or the bin (null or empty clears it); at least one; audited',
  })
  set(
    @CurrentUser() actor: AuthUser,
    @Param('productId', IdPipe) productId: string,
    @Param('warehouseCode', WarehouseCodePipe) warehouseCode: string,
    @Body() body: SetStockDto,
  ): Promise<StockLevel> {
    return this.stock.set(actor, productId, warehouseCode, body);
  }
}
