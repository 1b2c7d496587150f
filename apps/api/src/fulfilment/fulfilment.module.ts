import { Module } from '@nestjs/common';
import { AvailabilityModule } from '../availability/availability.module';
import { OrdersModule } from '../orders/orders.module';
import { DeliveryRatingService } from './delivery-rating.service';
import { FulfilmentBoardRepository } from './fulfilment-board.repository';
import { FulfilmentBoardService } from './fulfilment-board.service';
import { FulfilmentController } from './fulfilment.controller';
import { OrderFulfilmentController } from './order-fulfilment.controller';
import { ShipmentsController } from './shipments.controller';
import { ShipmentsRepository } from './shipments.repository';
import { ShippingService } from './shipping.service';

/**
 * Warehouse fulfilment: the board and pick list, picking, packing, shipping
 * in parts and delivery, and the buyer's delivery rating. Order status
 * changes go through ordering's OrderLifecycleService (one lock, event and
 * audit for every step), stock through AvailabilityService.
 */
@Module({
  imports: [OrdersModule, AvailabilityModule],
  controllers: [FulfilmentController, OrderFulfilmentController, ShipmentsController],
  providers: [
    FulfilmentBoardRepository,
    FulfilmentBoardService,
    ShipmentsRepository,
    ShippingService,
    DeliveryRatingService,
  ],
})
export class FulfilmentModule {}
