import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import type {
  OpenOrderLine,
  Order,
  OrderApprovalFacts,
  OrderPreview,
  OrderSummary,
  Page,
} from '@tradecounter/contracts';
import type { AuthUser } from '../auth/auth-user';
import { ANY_ROLE, CurrentUser, Roles } from '../auth/decorators';
import { IdPipe } from '../common/http/id.pipe';
import { pageRequest } from '../common/http/pagination.dto';
import { OpenLinesQueryDto, OrderQueryDto } from './dto/order-query.dto';
import { OrderReasonDto, RequiredReasonDto } from './dto/order-reason.dto';
import { PlaceOrderDto, PlaceOrderQueryDto } from './dto/place-order.dto';
import { OrderLifecycleService } from './order-lifecycle.service';
import { OrderPlacementService } from './order-placement.service';
import { OrdersService } from './orders.service';
import { ApiResult } from '../openapi/api-result';

@ApiTags('orders')
@ApiBearerAuth()
@Controller('orders')
export class OrdersController {
  constructor(
    private readonly placement: OrderPlacementService,
    private readonly lifecycle: OrderLifecycleService,
    private readonly orders: OrdersService,
  ) {}

  @Post()
  @ApiResult('Order', {
    description: 'The order placed',
    otherStatuses: { 200: 'Order | OrderPreview' },
  })
  @Roles('buyer', 'approver', 'account_manager', 'admin')
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description:
      'Required unless dryRun=true. A unique value per order (1–200 visible ASCII characters), kept at least 24 h. The same key and body again: ' +
      'the same order, 200. Another body: 422. While the first is still being placed: 409 with Retry-After',
  })
  @ApiOperation({
    summary:
      'Place an order: 201 the new order (200 for a repeated Idempotency-Key). Customers order for their own ' +
      'account (channel portal); account managers and admins name accountId (channel phone). Without lines, the ' +
      "user's cart is ordered and emptied. 409 when prices changed (with the new prices), stock is short for a " +
      'product that is not backorderable, or the account is on hold or closed. With dryRun=true: 200 what placing ' +
      'would do (OrderPreview: priced lines, promised dates, and placed / needs_approval with the limit and the ' +
      'approvers / credit_hold with the available credit), computed by the same steps and rolled back',
  })
  @ApiConflictResponse({
    description: 'Prices changed, not enough stock, account on hold, or the key is in flight',
  })
  @ApiUnprocessableEntityResponse({ description: 'The Idempotency-Key was used with another body' })
  async place(
    @CurrentUser() actor: AuthUser,
    @Body() body: PlaceOrderDto,
    @Query() query: PlaceOrderQueryDto,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Order | OrderPreview> {
    if (query.dryRun) {
      response.status(200);
      return this.placement.preview(actor, body);
    }
    const placed = await this.placement.place(actor, body, key);
    response.status(placed.created ? 201 : 200);
    if (!placed.created) response.setHeader('Idempotent-Replayed', 'true');
    response.setHeader('Location', `/api/orders/${placed.order.id}`);
    return placed.order;
  }

  @Get()
  @ApiResult('Page<OrderSummary>')
  @Roles(...ANY_ROLE)
  @ApiOperation({
    summary:
      'Orders, newest first unless sorted (sort=placedAt|number|poNumber|status|subtotal, dir=asc|desc): customers their account’s, account managers their accounts’, other staff all; ' +
      'filter by status, account, channel, placement dates, or search number, PO and account',
  })
  list(@CurrentUser() actor: AuthUser, @Query() query: OrderQueryDto): Promise<Page<OrderSummary>> {
    const { page: _page, pageSize: _pageSize, ...filter } = query;
    return this.orders.list(actor, filter, pageRequest(query));
  }

  @Get('open-lines')
  @ApiResult('Page<OpenOrderLine>')
  @Roles(...ANY_ROLE)
  @ApiOperation({
    summary:
      'Every ordered unit not yet shipped, with its current promise, earliest first unless sorted ' +
      '(sort=promisedDate|orderNumber|sku, dir=asc|desc)',
  })
  openLines(@CurrentUser() actor: AuthUser, @Query() query: OpenLinesQueryDto): Promise<Page<OpenOrderLine>> {
    const { accountId, sort, dir } = query;
    return this.orders.openLines(actor, { accountId, sort, dir }, pageRequest(query));
  }

  @Get(':id')
  @ApiResult('Order')
  @Roles(...ANY_ROLE)
  @ApiOperation({
    summary: 'One order with its lines, promises, shipments and history (404 for another account’s)',
  })
  get(@CurrentUser() actor: AuthUser, @Param('id', IdPipe) id: string): Promise<Order> {
    return this.orders.get(actor, id);
  }

  @Get(':id/approval')
  @ApiResult('OrderApprovalFacts')
  @Roles(...ANY_ROLE)
  @ApiOperation({
    summary:
      'What an approver weighs: the order total against the order limit of the buyer who placed it, and how far over',
  })
  approval(@CurrentUser() actor: AuthUser, @Param('id', IdPipe) id: string): Promise<OrderApprovalFacts> {
    return this.orders.approvalFacts(actor, id);
  }

  @Post(':id/cancel')
  @ApiResult('Order')
  @Roles('buyer', 'approver', 'account_manager', 'admin')
  @HttpCode(200)
  @ApiOkResponse({ description: 'The cancelled order' })
  @ApiOperation({
    summary:
      'Cancel: customers until picking starts, staff until something ships; everything reserved is released',
  })
  cancel(
    @CurrentUser() actor: AuthUser,
    @Param('id', IdPipe) id: string,
    @Body() body: OrderReasonDto,
  ): Promise<Order> {
    return this.lifecycle.cancel(actor, id, body.reason);
  }

  @Post(':id/approve')
  @ApiResult('Order')
  @Roles('approver', 'admin')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Approve an order waiting for approval; it is then confirmed, or held if it passes the credit limit',
  })
  approve(@CurrentUser() actor: AuthUser, @Param('id', IdPipe) id: string): Promise<Order> {
    return this.lifecycle.approve(actor, id);
  }

  @Post(':id/reject')
  @ApiResult('Order')
  @Roles('approver', 'admin')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Reject an order waiting for approval, with a reason; what it reserved is released',
  })
  reject(
    @CurrentUser() actor: AuthUser,
    @Param('id', IdPipe) id: string,
    @Body() body: RequiredReasonDto,
  ): Promise<Order> {
    return this.lifecycle.reject(actor, id, body.reason);
  }

  @Post(':id/release-hold')
  @ApiResult('Order')
  @Roles('account_manager', 'admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Release a credit hold: the order is confirmed' })
  releaseHold(@CurrentUser() actor: AuthUser, @Param('id', IdPipe) id: string): Promise<Order> {
    return this.lifecycle.releaseHold(actor, id);
  }

  @Post(':id/mark-paid')
  @ApiResult('Order')
  @Roles('manager', 'admin')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Payment received: the order stops counting toward the account’s credit exposure',
  })
  markPaid(@CurrentUser() actor: AuthUser, @Param('id', IdPipe) id: string): Promise<Order> {
    return this.lifecycle.markPaid(actor, id);
  }
}
