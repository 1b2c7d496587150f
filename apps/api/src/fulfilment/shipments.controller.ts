import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Order } from '@tradecounter/contracts';
import { Caller, CurrentCaller, IntegrationsToo, Roles } from '../auth/decorators';
import { IdPipe } from '../common/http/id.pipe';
import { DeliverShipmentDto } from './dto/deliver-shipment.dto';
import { ShippingService } from './shipping.service';
import { ApiResult } from '../openapi/api-result';

@ApiTags('fulfilment')
@ApiBearerAuth()
@Controller('shipments')
export class ShipmentsController {
  constructor(private readonly shipping: ShippingService) {}

  @Post(':id/deliver')
  @ApiResult('Order')
  @Roles('warehouse', 'admin')
  @IntegrationsToo()
  @ApiHeader({
    name: 'X-Api-Key',
    required: false,
    description: "A carrier integration's key, instead of a token",
  })
  @HttpCode(200)
  @ApiOkResponse({ description: 'The order; delivered once fully shipped and every shipment delivered' })
  @ApiConflictResponse({ description: 'The shipment was already delivered' })
  @ApiOperation({
    summary: 'Record when a shipment was delivered (not in the future, not before it shipped)',
  })
  deliver(
    @CurrentCaller() caller: Caller,
    @Param('id', IdPipe) id: string,
    @Body() body: DeliverShipmentDto,
  ): Promise<Order> {
    return this.shipping.deliver(caller, id, body.deliveredAt);
  }
}
