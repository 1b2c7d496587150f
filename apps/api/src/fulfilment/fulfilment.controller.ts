import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FulfilmentOrder, FulfilmentQueues, Page, PickListOrder } from '@tradecounter/contracts';
import { Roles } from '../auth/decorators';
import { pageRequest } from '../common/http/pagination.dto';
import { BoardQueryDto, PickListQueryDto, WarehouseQueryDto } from './dto/fulfilment-query.dto';
import { FulfilmentBoardService } from './fulfilment-board.service';
import { ApiResult } from '../openapi/api-result';

@ApiTags('fulfilment')
@ApiBearerAuth()
@Controller('fulfilment')
@Roles('warehouse', 'admin')
export class FulfilmentController {
  constructor(private readonly board: FulfilmentBoardService) {}

  @Get('pick-list')
  @ApiResult('Page<PickListOrder>')
  @ApiOperation({
    summary:
      'What to pick at a warehouse: orders (confirmed, picking, or partly shipped) with units reserved and not ' +
      'yet shipped, oldest first, each line with its pickable quantity and bin, in bin order',
  })
  pickList(@Query() query: PickListQueryDto): Promise<Page<PickListOrder>> {
    return this.board.pickList(query.warehouseCode, query.orderId, pageRequest(query));
  }

  @Get('queues')
  @ApiResult('FulfilmentQueues')
  @ApiOperation({ summary: 'How many orders of the warehouse wait in each fulfilment status' })
  queues(@Query() query: WarehouseQueryDto): Promise<FulfilmentQueues> {
    return this.board.queues(query.warehouseCode);
  }

  @Get('orders')
  @ApiResult('Page<FulfilmentOrder>')
  @ApiOperation({
    summary:
      'The warehouse’s orders in one fulfilment status, oldest first unless sorted ' +
      '(sort=placedAt|number|account|shipBy, dir=asc|desc), with units ordered, shipped and ready, the ship-by ' +
      'date (late when past in the warehouse’s calendar), the open wave and whether the check is complete',
  })
  orders(@Query() query: BoardQueryDto): Promise<Page<FulfilmentOrder>> {
    const { warehouseCode, status, sort, dir } = query;
    return this.board.orders({ warehouseCode, status, sort, dir }, pageRequest(query));
  }
}
