import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Order } from '@tradecounter/contracts';
import type { AuthUser } from '../auth/auth-user';
import { CUSTOMER, CurrentUser, Roles } from '../auth/decorators';
import { IdPipe } from '../common/http/id.pipe';
import { CreateShipmentDto } from './dto/create-shipment.dto';
import { PackOrderDto } from './dto/pack-order.dto';
import { RateDeliveryDto } from './dto/rate-delivery.dto';
import { DeliveryRatingService } from './delivery-rating.service';
import { ShippingService } from './shipping.service';
import { ApiResult } from '../openapi/api-result';

/** The fulfilment steps of one order: /api/orders/:id/pick, /pack, /shipments, /rating. */
@ApiTags('fulfilment')
@ApiBearerAuth()
@Controller('orders')
export class OrderFulfilmentController {
  constructor(
    private readonly shipping: ShippingService,
    private readonly ratings: DeliveryRatingService,
  ) {}

  @Post(':id/pick')
  @ApiResult('Order')
  @Roles('warehouse', 'admin')
  @HttpCode(200)
  @ApiOkResponse({ description: 'The order, now picking' })
  @ApiConflictResponse({ description: 'The order is not confirmed' })
  @ApiOperation({ summary: 'Start picking a confirmed order (customers can no longer cancel it)' })
  pick(@CurrentUser() actor: AuthUser, @Param('id', IdPipe) id: string): Promise<Order> {
    return this.shipping.startPicking(actor, id);
  }

  @Post(':id/pack')
  @ApiResult('Order')
  @Roles('warehouse', 'admin')
  @HttpCode(200)
  @ApiOkResponse({ description: 'The order, now packed, with its packages' })
  @ApiConflictResponse({ description: 'The order is not being picked' })
  @ApiOperation({
    summary: 'Record the parcels a picked order was packed in (1–50, each optionally weighed)',
  })
  pack(
    @CurrentUser() actor: AuthUser,
    @Param('id', IdPipe) id: string,
    @Body() body: PackOrderDto,
  ): Promise<Order> {
    return this.shipping.pack(actor, id, body);
  }

  @Post(':id/shipments')
  @ApiResult('Order')
  @Roles('warehouse', 'admin')
  @ApiCreatedResponse({ description: 'The order with the new shipment last in `shipments`' })
  @ApiConflictResponse({
    description:
      'A line asks more than remains to ship or than is reserved for it (per-line reasons in errors); ' +
      'or the order ships complete and this shipment leaves units behind without `overrideShipComplete` ' +
      '(type …/problems/ship-complete)',
  })
  @ApiOperation({
    summary:
      'Ship some or all of what is reserved: the units leave stock, the order becomes partially shipped or shipped',
  })
  ship(
    @CurrentUser() actor: AuthUser,
    @Param('id', IdPipe) id: string,
    @Body() body: CreateShipmentDto,
  ): Promise<Order> {
    return this.shipping.ship(actor, id, body);
  }

  @Post(':id/rating')
  @ApiResult('Order')
  @Roles(...CUSTOMER)
  @ApiCreatedResponse({ description: 'The order with its rating' })
  @ApiConflictResponse({ description: 'Not delivered yet, or already rated' })
  @ApiOperation({
    summary: 'Rate the delivery of a delivered order of your account: 1–5 and a comment, once',
  })
  rate(
    @CurrentUser() actor: AuthUser,
    @Param('id', IdPipe) id: string,
    @Body() body: RateDeliveryDto,
  ): Promise<Order> {
    return this.ratings.rate(actor, id, body);
  }
}
