import { Body, Controller, Get, Headers, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Page, PurchaseOrder, PurchaseOrderSummary } from '@tradecounter/contracts';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, Roles } from '../auth/decorators';
import { IdPipe } from '../common/http/id.pipe';
import { pageRequest } from '../common/http/pagination.dto';
import {
  CancelPurchaseOrderDto,
  ClosePurchaseOrderDto,
  CreatePurchaseOrderDto,
  PurchaseOrderQueryDto,
  ReceivePurchaseOrderDto,
  ReschedulePurchaseLineDto,
  UpdatePurchaseOrderDto,
} from './dto/purchase-order.dto';
import { PurchaseOrderSupplyService } from './purchase-order-supply.service';
import { purchaseOrderEtag, PurchaseOrdersService } from './purchase-orders.service';
import { ApiResult } from '../openapi/api-result';

const IF_MATCH = { name: 'If-Match', required: false, description: 'The ETag read; a stale one answers 412' };

@ApiTags('purchasing')
@ApiBearerAuth()
@Controller('purchase-orders')
export class PurchaseOrdersController {
  constructor(
    private readonly orders: PurchaseOrdersService,
    private readonly supply: PurchaseOrderSupplyService,
  ) {}

  @Get()
  @ApiResult('Page<PurchaseOrderSummary>')
  @Roles('admin', 'warehouse', 'manager')
  @ApiOperation({
    summary: 'Purchase orders: filter by status, supplier, warehouse, product, search; sortable',
  })
  list(@Query() query: PurchaseOrderQueryDto): Promise<Page<PurchaseOrderSummary>> {
    return this.orders.list(query, pageRequest(query));
  }

  @Get(':id')
  @ApiResult('PurchaseOrder')
  @Roles('admin', 'warehouse', 'manager')
  @ApiOperation({ summary: 'One purchase order with its lines and events; its ETag is the version' })
  async get(
    @Param('id', IdPipe) id: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<PurchaseOrder> {
    return withEtag(response, await this.orders.get(id));
  }

  @Post()
  @ApiResult('PurchaseOrder')
  @Roles('admin', 'warehouse')
  @ApiOperation({
    summary: "A draft (never supply until sent); unit costs default to the products' supply; audited",
  })
  async create(
    @CurrentUser() actor: AuthUser,
    @Body() body: CreatePurchaseOrderDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<PurchaseOrder> {
    return withEtag(response, await this.orders.create(actor, body));
  }

  @Patch(':id')
  @ApiResult('PurchaseOrder')
  @Roles('admin', 'warehouse')
  @ApiHeader(IF_MATCH)
  @ApiOperation({ summary: "Replace a draft's lines and/or notes (409 once sent, 412 when stale); audited" })
  async update(
    @CurrentUser() actor: AuthUser,
    @Param('id', IdPipe) id: string,
    @Body() body: UpdatePurchaseOrderDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<PurchaseOrder> {
    return withEtag(response, await this.orders.update(actor, id, body, ifMatch));
  }

  @Post(':id/send')
  @ApiResult('PurchaseOrder')
  @Roles('admin', 'warehouse')
  @HttpCode(200)
  @ApiHeader(IF_MATCH)
  @ApiOperation({
    summary:
      'Send a draft: each line becomes inbound supply, promised at once to the lines waiting for it; audited',
  })
  async send(
    @CurrentUser() actor: AuthUser,
    @Param('id', IdPipe) id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<PurchaseOrder> {
    return withEtag(response, await this.supply.send(actor, id, ifMatch));
  }

  @Post(':id/receipts')
  @ApiResult('PurchaseOrder')
  @Roles('admin', 'warehouse')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Receive units on lines, partly or wholly (409 past quantity + tolerance); audited',
  })
  async receive(
    @CurrentUser() actor: AuthUser,
    @Param('id', IdPipe) id: string,
    @Body() body: ReceivePurchaseOrderDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<PurchaseOrder> {
    return withEtag(response, await this.supply.receive(actor, id, body));
  }

  @Post(':id/close')
  @ApiResult('PurchaseOrder')
  @Roles('admin', 'warehouse')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Close short (all open lines or those named); their orders are promised anew; audited',
  })
  async close(
    @CurrentUser() actor: AuthUser,
    @Param('id', IdPipe) id: string,
    @Body() body: ClosePurchaseOrderDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<PurchaseOrder> {
    return withEtag(response, await this.supply.close(actor, id, body));
  }

  @Post(':id/cancel')
  @ApiResult('PurchaseOrder')
  @Roles('admin', 'warehouse')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel a draft, or a sent order nothing was received of; audited' })
  async cancel(
    @CurrentUser() actor: AuthUser,
    @Param('id', IdPipe) id: string,
    @Body() body: CancelPurchaseOrderDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<PurchaseOrder> {
    return withEtag(response, await this.supply.cancel(actor, id, body));
  }

  @Post(':id/lines/:lineId/reschedule')
  @ApiResult('PurchaseOrder')
  @Roles('admin', 'warehouse')
  @HttpCode(200)
  @ApiOperation({
    summary: "Move a sent line's expected date; the orders waiting for it are promised anew; audited",
  })
  async reschedule(
    @CurrentUser() actor: AuthUser,
    @Param('id', IdPipe) id: string,
    @Param('lineId', IdPipe) lineId: string,
    @Body() body: ReschedulePurchaseLineDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<PurchaseOrder> {
    return withEtag(response, await this.supply.reschedule(actor, id, lineId, body));
  }
}

function withEtag(response: Response, order: PurchaseOrder): PurchaseOrder {
  response.setHeader('ETag', purchaseOrderEtag(order.version));
  return order;
}
