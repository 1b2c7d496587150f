import { Body, Controller, Post, Res, UseGuards } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Order } from '@tradecounter/contracts';
import { Public } from '../auth/decorators';
import { ChannelKeyGuard, CurrentChannel } from './channel-key.guard';
import { ChannelOrdersService } from './channel-orders.service';
import type { LiveChannel } from './channels.repository';
import { ChannelOrderDto } from './dto/channel-order.dto';
import { ApiResult } from '../openapi/api-result';

@ApiTags('channels')
@Controller('channel-orders')
export class ChannelOrdersController {
  constructor(private readonly orders: ChannelOrdersService) {}

  @Post()
  @ApiResult('Order', { otherStatuses: { 200: 'Order' } })
  @Public()
  @UseGuards(ChannelKeyGuard)
  @ApiOperation({
    summary:
      'An order from an integration: 201 the new order, 200 the existing one when its externalRef was seen before',
    description:
      'The account must be one the channel is bound to: any other code answers 404, exactly as an unknown one. ' +
      'A ship-to address is accepted only from a channel that allows addresses; otherwise name one of the account’s.',
  })
  @ApiNotFoundResponse({ description: 'No account with this code is open to this channel' })
  async place(
    @CurrentChannel() channel: LiveChannel,
    @Body() body: ChannelOrderDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Order> {
    const placed = await this.orders.place(channel, body);
    response.status(placed.created ? 201 : 200);
    response.setHeader('Location', `/api/orders/${placed.order.id}`);
    return placed.order;
  }
}
